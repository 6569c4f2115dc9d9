package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Marks a planned delivery finished once none of its chunks is open: sent, or failed when a batch failed for good.
 * Checked by the sender that closes a chunk and by planning when it is done; and on every planning pass for all
 * planned deliveries, so that a crash between the last batch and this mark only delays it.
 */
@Component
class Completion {

	private final MongoTemplate mongo;
	private final Clock clock;

	Completion(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	void check(String deliveryId) {
		if (mongo.exists(Query.query(where("deliveryId").is(deliveryId).and("done").is(false)), Chunk.class)) {
			return;
		}
		boolean failed = mongo.exists(Query.query(where("deliveryId").is(deliveryId)
			.and("batches.status").is(Batch.Status.FAILED)), Chunk.class);
		mongo.updateFirst(Query.query(where("_id").is(deliveryId).and("state").is(Delivery.State.PLANNED)),
				new Update().set("state", failed ? Delivery.State.FAILED : Delivery.State.SENT)
					.set("finishedAt", clock.instant()), Delivery.class);
	}

	void checkAll() {
		Query planned = Query.query(where("state").is(Delivery.State.PLANNED));
		planned.fields().include("_id");
		mongo.find(planned, org.bson.Document.class, mongo.getCollectionName(Delivery.class))
			.forEach(delivery -> check(delivery.getString("_id")));
	}
}
