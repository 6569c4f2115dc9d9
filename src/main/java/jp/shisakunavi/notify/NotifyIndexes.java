package jp.shisakunavi.notify;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the notification queries use on a real MongoDB (the embedded server accepts and ignores them):
 * planning looks for followers, the collector for notices waiting for a delivery, digests for held notices.
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
		mongo.indexOps(ChangeNotices.ChangeNotice.class).createIndex(new Index().on("deliveryId", Sort.Direction.ASC)
			.on("ordered", Sort.Direction.ASC));
		mongo.indexOps(HeldNotices.HeldNotice.class).createIndex(new Index().on("day", Sort.Direction.ASC).on("userId", Sort.Direction.ASC));
		mongo.indexOps(HeldNotices.HeldNotice.class).createIndex(new Index().on("userId", Sort.Direction.ASC));
	}
}
