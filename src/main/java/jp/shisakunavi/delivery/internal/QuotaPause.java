package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import jp.shisakunavi.delivery.SendWindow;
import org.springframework.stereotype.Repository;

/**
 * When LINE says the monthly message quota is used up, every instance stops sending until the next month (or
 * until an administrator resumes, e.g. after raising the plan). Kept in MongoDB so that all instances see it.
 */
@Repository
class QuotaPause {

	private static final Logger log = LoggerFactory.getLogger(QuotaPause.class);
	private static final String ID = "quota";

	private final MongoTemplate mongo;
	private final Clock clock;

	QuotaPause(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	boolean pausedAt(Instant now) {
		return current().map(p -> p.until().isAfter(now)).orElse(false);
	}

	Optional<Paused> current() {
		return Optional.ofNullable(mongo.findById(ID, Paused.class)).filter(p -> p.until().isAfter(clock.instant()));
	}

	void pause(String reason) {
		ZonedDateTime now = clock.instant().atZone(SendWindow.TOKYO);
		Instant nextMonth = now.with(TemporalAdjusters.firstDayOfNextMonth()).toLocalDate().atStartOfDay(SendWindow.TOKYO)
			.toInstant();
		mongo.upsert(Query.query(where("_id").is(ID)), new Update().set("until", nextMonth).set("reason", reason),
				Paused.class);
		log.warn("LINE's monthly message quota is used up ({}): deliveries wait until {}", reason, nextMonth);
	}

	void resume() {
		mongo.remove(Query.query(where("_id").is(ID)), Paused.class);
	}

	@Document("delivery_state")
	record Paused(@Id String id, Instant until, String reason) {
	}
}
