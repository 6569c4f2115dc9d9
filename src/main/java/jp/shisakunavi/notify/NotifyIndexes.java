package jp.shisakunavi.notify;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the notification queries use on a real MongoDB (the embedded server accepts and ignores them):
 * senders look for due chunks every few seconds, the dispatcher for due deliveries, planning for followers.
 */
@Component
class NotifyIndexes {

	private final MongoTemplate mongo;

	NotifyIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensure() {
		mongo.indexOps(Subscriber.class).createIndex(new Index().on("topics", Sort.Direction.ASC));
		mongo.indexOps(Chunk.class).createIndex(new Index().on("done", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
		mongo.indexOps(Chunk.class).createIndex(new Index().on("deliveryId", Sort.Direction.ASC));
		mongo.indexOps(Delivery.class).createIndex(new Index().on("state", Sort.Direction.ASC).on("notBefore", Sort.Direction.ASC));
		mongo.indexOps(Delivery.class).createIndex(new Index().on("changeIds", Sort.Direction.ASC));
		mongo.indexOps(HeldNotices.HeldNotice.class).createIndex(new Index().on("day", Sort.Direction.ASC).on("userId", Sort.Direction.ASC));
		mongo.indexOps(HeldNotices.HeldNotice.class).createIndex(new Index().on("userId", Sort.Direction.ASC));
		mongo.indexOps(SimulatorInbox.Notice.class).createIndex(new Index().on("userId", Sort.Direction.ASC));
	}
}
