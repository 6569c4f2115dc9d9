package jp.shisakunavi.delivery.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the delivery queries use on a real MongoDB (the embedded server accepts and ignores them): senders
 * look for due chunks every few seconds, planning for due deliveries, reports for a delivery's chunks.
 */
@Component
class DeliveryIndexes {

	private final MongoTemplate mongo;

	DeliveryIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensure() {
		mongo.indexOps(Chunk.class).createIndex(new Index().on("done", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
		mongo.indexOps(Chunk.class).createIndex(new Index().on("deliveryId", Sort.Direction.ASC));
		mongo.indexOps(Delivery.class).createIndex(new Index().on("state", Sort.Direction.ASC).on("notBefore", Sort.Direction.ASC));
		mongo.indexOps(Delivery.class).createIndex(new Index().on("createdAt", Sort.Direction.DESC));
		mongo.indexOps(SimulatorChannel.Notice.class).createIndex(new Index().on("userId", Sort.Direction.ASC));
		mongo.indexOps(DailyCounts.COLLECTION).createIndex(new Index().on("day", Sort.Direction.ASC).on("counter", Sort.Direction.ASC));
	}
}
