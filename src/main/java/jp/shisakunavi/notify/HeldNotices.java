package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * Changes a citizen would have been told about on a day they had already got their daily cap of messages: they
 * wait here for the next day's digest. One document per user and day, added to idempotently (planning hands the
 * same recipients over again when it repeats a chunk after a crash).
 */
@Repository
class HeldNotices implements PersonalData {

	private final MongoTemplate mongo;

	HeldNotices(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void hold(LocalDate day, List<Recipient> held) {
		if (held.isEmpty()) {
			return;
		}
		BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HeldNotice.class);
		held.forEach(h -> bulk.upsert(Query.query(where("_id").is(h.userId().value() + "|" + day)),
				new Update().set("userId", h.userId().value()).set("day", day.toString())
					.addToSet("changeIds").each(Audiences.changeIds(h.group()).toArray())));
		bulk.execute();
	}

	boolean anyBefore(LocalDate day) {
		return mongo.exists(Query.query(where("day").lt(day.toString())), HeldNotice.class);
	}

	/** The notices held before a day, in user id order (a user's several days one after another). */
	Stream<HeldNotice> before(LocalDate day, LineUserId after) {
		return mongo.stream(Query.query(where("day").lt(day.toString()).and("userId").gt(after.value()))
			.with(Sort.by("userId", "day")), HeldNotice.class);
	}

	void removeBefore(LocalDate day) {
		mongo.remove(Query.query(where("day").lt(day.toString())), HeldNotice.class);
	}

	@Override
	public void erase(LineUserId user) {
		mongo.remove(Query.query(where("userId").is(user.value())), HeldNotice.class);
	}

	@Document("held_notices")
	record HeldNotice(@Id String id, String userId, String day, List<String> changeIds) {
	}
}
