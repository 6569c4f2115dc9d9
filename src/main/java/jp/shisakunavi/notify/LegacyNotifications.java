package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Databases written before notifications kept their own records marked each rating change that a delivery had
 * taken with {@code deliveryPlanned} on the change itself. At start-up, before anything is collected, each marked
 * change becomes a notice of a change already delivered (so that the collector, reading the changes from the
 * beginning on such a database, takes only those no delivery had taken), and the flag goes; idempotent, and
 * nothing to do once done. The old deliveries themselves are adopted by delivery (through {@link ChangeDelivery#adopt}),
 * which links their changes to them.
 */
@Component
class LegacyNotifications implements SmartInitializingSingleton {

	static final String RATING_CHANGES = "rating_changes";
	private static final Logger log = LoggerFactory.getLogger(LegacyNotifications.class);
	private static final int PAGE = 1000;

	private final MongoTemplate mongo;
	private final ChangeNotices notices;

	LegacyNotifications(MongoTemplate mongo, ChangeNotices notices) {
		this.mongo = mongo;
		this.notices = notices;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Query flagged = Query.query(where("deliveryPlanned").exists(true));
		int delivered = 0;
		for (List<Document> page = page(flagged); !page.isEmpty(); page = page(flagged)) {
			for (Document change : page) {
				if (Boolean.TRUE.equals(change.getBoolean("deliveryPlanned"))) {
					notices.recordDelivered(change.getString("_id"), Boolean.TRUE.equals(change.getBoolean("urgent")),
							change.getDate("recordedAt") == null ? null : change.getDate("recordedAt").toInstant(), null);
					delivered++;
				}
				mongo.updateFirst(Query.query(where("_id").is(change.get("_id"))), new Update().unset("deliveryPlanned"),
						RATING_CHANGES);
			}
		}
		if (delivered > 0) {
			log.info("Notifications: {} rating changes delivered by the previous version recorded as such", delivered);
		}
	}

	/** A list of strings as an earlier version stored it (none when absent). */
	static List<String> strings(Object stored) {
		return stored instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

	private List<Document> page(Query query) {
		return mongo.find(Query.of(query).limit(PAGE), Document.class, RATING_CHANGES);
	}
}
