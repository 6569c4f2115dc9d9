package jp.shisakunavi.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Databases written before a LINE user had one record keep them in two places: {@code citizens} (the chosen city
 * and an {@code active} flag) and {@code subscriptions} (notification settings with an {@code active} flag of
 * their own, kept in step by hand). At start-up, before the web server takes requests, each such document is
 * folded into {@code line_users} once: the city from the citizen, and following unless either flag said that the
 * user blocked the account (when they disagree, sending nothing is the safe side, and the user's next follow sets
 * it right). Each step is an idempotent upsert followed by removing what it folded (the citizen document, the
 * subscription's flag), so that an interrupted migration is finished at the next start and a finished one finds
 * nothing to do. Instances of the version before must be stopped first: they would go on writing the old records.
 */
@Component
class LegacyIdentities implements SmartInitializingSingleton {

	static final String CITIZENS = "citizens";
	static final String SUBSCRIPTIONS = "subscriptions";
	private static final Logger log = LoggerFactory.getLogger(LegacyIdentities.class);
	private static final int PAGE = 1000;

	private final MongoTemplate mongo;
	private final Clock clock;

	LegacyIdentities(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		mongo.indexOps(LineUsers.COLLECTION).createIndex(new Index().on("following", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
		int citizens = foldCitizens();
		int flags = foldSubscriptionFlags();
		if (citizens + flags > 0) {
			log.info("Users: {} citizen records and {} subscription flags of the previous version folded into line_users",
					citizens, flags);
		}
	}

	private int foldCitizens() {
		int folded = 0;
		for (List<Document> page = page(new Query(), CITIZENS); !page.isEmpty(); page = page(new Query(), CITIZENS)) {
			for (Document citizen : page) {
				Update update = following(citizen, onInsert(citizen));
				if (citizen.getString("municipality") != null) {
					update.set("municipality", citizen.getString("municipality"));
				}
				mongo.upsert(byId(citizen), update, LineUsers.COLLECTION);
				mongo.remove(byId(citizen), CITIZENS);
				folded++;
			}
		}
		return folded;
	}

	private int foldSubscriptionFlags() {
		int folded = 0;
		Query flagged = Query.query(where("active").exists(true));
		for (List<Document> page = page(flagged, SUBSCRIPTIONS); !page.isEmpty(); page = page(flagged, SUBSCRIPTIONS)) {
			for (Document subscriber : page) {
				mongo.upsert(byId(subscriber), following(subscriber, onInsert(subscriber)), LineUsers.COLLECTION);
				mongo.updateFirst(byId(subscriber), new Update().unset("active"), SUBSCRIPTIONS);
				folded++;
			}
		}
		return folded;
	}

	/** False wins: a record the user blocked in stays blocked; otherwise a new record follows. */
	private static Update following(Document legacy, Update update) {
		return Boolean.FALSE.equals(legacy.getBoolean("active")) ? update.set("following", false)
				: update.setOnInsert("following", true);
	}

	private Update onInsert(Document legacy) {
		Date since = legacy.getDate("updatedAt") == null ? Date.from(clock.instant()) : legacy.getDate("updatedAt");
		return new Update().setOnInsert("createdAt", since).setOnInsert("updatedAt", since);
	}

	private List<Document> page(Query query, String collection) {
		return mongo.find(Query.of(query).limit(PAGE), Document.class, collection);
	}

	private static Query byId(Document legacy) {
		return Query.query(where("_id").is(legacy.get("_id")));
	}
}
