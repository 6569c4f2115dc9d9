package jp.shisakunavi.questions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the log no longer than {@code shisaku.questions.retention}: older questions are deleted at start and then
 * daily, in code (the embedded server does not expire TTL indexes).
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final MongoTemplate mongo;
	private final QuestionLogProperties properties;
	private final Clock clock;

	Retention(MongoTemplate mongo, QuestionLogProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		mongo.indexOps(LoggedQuestion.class).createIndex(new Index().on("at", Sort.Direction.DESC));
		mongo.indexOps(LoggedQuestion.class).createIndex(new Index().on("municipality", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
		mongo.indexOps(LoggedQuestion.class).createIndex(new Index().on("asker", Sort.Direction.ASC));
		purge();
	}

	@Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT24H")
	void purge() {
		long deleted = mongo.remove(Query.query(where("at").lt(clock.instant().minus(properties.retention()))),
				LoggedQuestion.class).getDeletedCount();
		if (deleted > 0) {
			log.info("Purged {} logged question(s) older than {}", deleted, properties.retention());
		}
	}
}
