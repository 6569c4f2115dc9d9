package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Work that only one instance may do at a time (planning deliveries, and the clients' scheduling before it), claimed for a while by a conditional
 * update: the holder renews it, and when it crashes another instance takes over once it ran out.
 */
@Repository
class Leases {

	private final MongoTemplate mongo;
	private final Clock clock;

	Leases(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	boolean acquire(String name, String owner, Duration duration) {
		Instant now = clock.instant();
		Instant until = now.plus(duration);
		Query free = Query.query(where("_id").is(name)
			.orOperator(where("until").lt(now), where("owner").is(owner)));
		if (mongo.updateFirst(free, new Update().set("owner", owner).set("until", until), Lease.class).getMatchedCount() > 0) {
			return true;
		}
		try {
			mongo.insert(new Lease(name, owner, until));
			return true;
		}
		catch (DuplicateKeyException held) {
			return false;
		}
	}

	void release(String name, String owner) {
		mongo.updateFirst(Query.query(where("_id").is(name).and("owner").is(owner)),
				new Update().set("until", Instant.EPOCH), Lease.class);
	}

	@Document("leases")
	record Lease(@Id String id, String owner, Instant until) {
	}
}
