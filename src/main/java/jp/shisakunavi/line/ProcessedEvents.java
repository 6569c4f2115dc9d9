package jp.shisakunavi.line;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Remembers which webhook events were taken, by {@code webhookEventId}, in MongoDB: the unique id makes the
 * first insert win across restarts and across instances sharing the database. Old ids are purged in code
 * (the embedded server does not expire TTL indexes).
 */
@Repository
class ProcessedEvents {

	private final MongoTemplate mongo;
	private final Clock clock;
	private final LineProperties properties;

	ProcessedEvents(MongoTemplate mongo, Clock clock, LineProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	/** @return true the first time an event id is seen, false for every redelivery */
	boolean firstTime(String webhookEventId) {
		try {
			mongo.insert(new ProcessedEvent(webhookEventId, clock.instant()));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purge() {
		Instant before = clock.instant().minus(properties.eventRetention());
		mongo.remove(Query.query(where("receivedAt").lt(before)), ProcessedEvent.class);
	}

	@Document("webhook_events")
	record ProcessedEvent(@Id String id, Instant receivedAt) {
	}
}
