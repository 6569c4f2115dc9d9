package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import org.springframework.stereotype.Component;

/**
 * Deliveries stored by the version before delivery was its own module (no window; their client's parameters among
 * their own fields) are adopted at start-up, before anything is planned or sent: their client says what order each
 * would be now ({@link DeliveryClient#adopt}), which gives them parameters, window and cap; how far they got
 * (state, checkpoint, chunks, counts) stays. Their chunks get the window first, so that an adoption interrupted by a
 * crash is finished at the next start; a finished one finds nothing to do.
 */
@Component
class LegacyDeliveries implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(LegacyDeliveries.class);
	/** The fields of a stored delivery that are delivery's own; the others were the client's. */
	private static final Set<String> ENGINE_FIELDS = Set.of("_id", "_class", "kind", "parameters", "window", "urgent",
			"notBefore", "cap", "state", "plannedUpTo", "chunks", "recipients", "held", "pauseReason", "createdAt",
			"plannedAt", "finishedAt");

	private final MongoTemplate mongo;
	private final Clients clients;

	LegacyDeliveries(MongoTemplate mongo, Clients clients) {
		this.mongo = mongo;
		this.clients = clients;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String collection = mongo.getCollectionName(Delivery.class);
		int adopted = 0;
		for (Document stored : mongo.find(Query.query(where("window").exists(false)), Document.class, collection)) {
			String id = stored.getString("_id");
			Optional<DeliveryOrder> order = clients.find(stored.getString("kind"))
				.flatMap(client -> client.adopt(id, stored));
			if (order.isEmpty()) {
				log.warn("Delivery {} of kind {} was stored by an earlier version and no client adopts it: it stays as it is",
						id, stored.getString("kind"));
				continue;
			}
			mongo.updateMulti(Query.query(where("deliveryId").is(id).and("window").exists(false)),
					new Update().set("window", order.get().window()).set("cancelled", false), Chunk.class);
			Update update = new Update().set("parameters", clients.write(order.get())).set("window", order.get().window())
				.set("urgent", order.get().urgent());
			if (order.get().cap() != null) {
				update.set("cap", order.get().cap());
			}
			stored.keySet().stream().filter(field -> !ENGINE_FIELDS.contains(field)).forEach(update::unset);
			mongo.updateFirst(Query.query(where("_id").is(id)), update, collection);
			adopted++;
		}
		if (adopted > 0) {
			log.info("Delivery: {} deliveries of the previous version adopted", adopted);
		}
	}
}
