package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Citizens' notification settings (受信設定): what they follow, whether they can be sent to, and the erasure of
 * everything notifications keep about them. Each change is one atomic update of the user's document.
 */
@Service
public class Subscriptions {

	/** More topics than this make the settings card unreadable and add little: a city covers everything. */
	static final int MAX_TOPICS = 20;

	private final MongoTemplate mongo;
	private final Topics topics;
	private final Clock clock;
	private final List<PersonalData> eraseListeners;

	Subscriptions(MongoTemplate mongo, Topics topics, Clock clock, List<PersonalData> eraseListeners) {
		this.mongo = mongo;
		this.topics = topics;
		this.clock = clock;
		this.eraseListeners = eraseListeners;
	}

	/** What can happen when a citizen asks to follow a topic. */
	public enum Outcome {
		ADDED, ALREADY_FOLLOWED, UNKNOWN_TOPIC, TOO_MANY
	}

	/** The topics the user follows, in the order they chose them; topics that no longer exist are left out. */
	public List<Followed> of(String userId) {
		return find(userId).map(s -> s.topics().stream()
			.flatMap(key -> Topic.parse(key).stream())
			.flatMap(topic -> topics.label(topic).map(label -> new Followed(topic, label)).stream())
			.toList()).orElse(List.of());
	}

	public Outcome follow(String userId, Topic topic) {
		Optional<String> label = topics.label(topic);
		if (label.isEmpty()) {
			return Outcome.UNKNOWN_TOPIC;
		}
		List<String> current = find(userId).map(Subscriber::topics).orElse(List.of());
		if (current.contains(topic.key())) {
			return Outcome.ALREADY_FOLLOWED;
		}
		if (current.size() >= MAX_TOPICS) {
			return Outcome.TOO_MANY;
		}
		upsert(userId, new Update().addToSet("topics", topic.key()).set("active", true));
		return Outcome.ADDED;
	}

	/** @return whether the user followed the topic */
	public boolean unfollow(String userId, Topic topic) {
		return mongo.updateFirst(Query.query(where("_id").is(userId).and("topics").is(topic.key())),
				new Update().pull("topics", topic.key()).set("updatedAt", clock.instant()), Subscriber.class)
			.getModifiedCount() > 0;
	}

	public void clear(String userId) {
		mongo.updateFirst(Query.query(where("_id").is(userId)),
				new Update().set("topics", List.of()).set("updatedAt", clock.instant()), Subscriber.class);
	}

	/** The user blocked the account: nothing is sent to them until they add it again. */
	public void blocked(String userId) {
		mongo.updateFirst(Query.query(where("_id").is(userId)),
				new Update().set("active", false).set("updatedAt", clock.instant()), Subscriber.class);
	}

	/** The user added the account (again): their settings apply again. */
	public void unblocked(String userId) {
		mongo.updateFirst(Query.query(where("_id").is(userId)),
				new Update().set("active", true).set("updatedAt", clock.instant()), Subscriber.class);
	}

	/** Forgets the user: their settings, and their place in deliveries not yet sent. */
	public void erase(String userId) {
		mongo.remove(Query.query(where("_id").is(userId)), Subscriber.class);
		eraseListeners.forEach(listener -> listener.erase(userId));
	}

	/** The cities, themes, pillars and departments that can be followed, for the settings card. */
	public List<String> cities() {
		return topics.cities();
	}

	public List<String> themes(String municipality) {
		return topics.themes(municipality);
	}

	public List<Followed> pillars(String municipality) {
		return topics.pillars(municipality);
	}

	public List<String> departments(String municipality) {
		return topics.departments(municipality);
	}

	/** The words for a topic, for confirmations; empty when it names nothing that exists. */
	public Optional<String> label(Topic topic) {
		return topics.label(topic);
	}

	private Optional<Subscriber> find(String userId) {
		return Optional.ofNullable(mongo.findById(userId, Subscriber.class));
	}

	private void upsert(String userId, Update update) {
		mongo.upsert(Query.query(where("_id").is(userId)), update.set("updatedAt", clock.instant()), Subscriber.class);
	}
}
