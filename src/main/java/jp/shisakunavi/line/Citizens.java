package jp.shisakunavi.line;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The users of the conversation; each change is one atomic upsert of the user's document. */
@Repository
class Citizens {

	private final MongoTemplate mongo;
	private final Clock clock;

	Citizens(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Optional<Citizen> find(String userId) {
		return Optional.ofNullable(mongo.findById(userId, Citizen.class));
	}

	void chooseMunicipality(String userId, String municipality) {
		upsert(userId, new Update().set("municipality", municipality).set("active", true));
	}

	void followed(String userId) {
		upsert(userId, new Update().set("active", true));
	}

	void unfollowed(String userId) {
		upsert(userId, new Update().set("active", false));
	}

	/** Forgets the user (退会): nothing about them is kept, not even that they were here. */
	void erase(String userId) {
		mongo.remove(Query.query(where("_id").is(userId)), Citizen.class);
	}

	private void upsert(String userId, Update update) {
		mongo.upsert(Query.query(where("_id").is(userId)), update.set("updatedAt", clock.instant()), Citizen.class);
	}
}
