package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * Citizens' notification settings (受信設定): what they follow. Each change is one atomic update of the user's
 * document; erasing the user removes it.
 */
@Service
public class Subscriptions implements PersonalData {

	/** More topics than this make the settings card unreadable and add little: a city covers everything. */
	static final int MAX_TOPICS = 20;

	private final MongoTemplate mongo;
	private final Topics topics;
	private final Clock clock;

	Subscriptions(MongoTemplate mongo, Topics topics, Clock clock) {
		this.mongo = mongo;
		this.topics = topics;
		this.clock = clock;
	}

	/** What can happen when a citizen asks to follow a topic. */
	public enum Outcome {
		ADDED, ALREADY_FOLLOWED, UNKNOWN_TOPIC, TOO_MANY
	}

	/** The topics the user follows, in the order they chose them; topics that no longer exist are left out. */
	public List<Followed> of(LineUserId user) {
		return find(user).map(s -> s.topics().stream()
			.flatMap(key -> Topic.parse(key).stream())
			.flatMap(topic -> topics.label(topic).map(label -> new Followed(topic, label)).stream())
			.toList()).orElse(List.of());
	}

	public Outcome follow(LineUserId user, Topic topic) {
		Optional<String> label = topics.label(topic);
		if (label.isEmpty()) {
			return Outcome.UNKNOWN_TOPIC;
		}
		List<String> current = find(user).map(Subscriber::topics).orElse(List.of());
		if (current.contains(topic.key())) {
			return Outcome.ALREADY_FOLLOWED;
		}
		if (current.size() >= MAX_TOPICS) {
			return Outcome.TOO_MANY;
		}
		mongo.upsert(Query.query(where("_id").is(user.value())),
				new Update().addToSet("topics", topic.key()).set("updatedAt", clock.instant()), Subscriber.class);
		return Outcome.ADDED;
	}

	/** @return whether the user followed the topic */
	public boolean unfollow(LineUserId user, Topic topic) {
		return mongo.updateFirst(Query.query(where("_id").is(user.value()).and("topics").is(topic.key())),
				new Update().pull("topics", topic.key()).set("updatedAt", clock.instant()), Subscriber.class)
			.getModifiedCount() > 0;
	}

	public void clear(LineUserId user) {
		mongo.updateFirst(Query.query(where("_id").is(user.value())),
				new Update().set("topics", List.of()).set("updatedAt", clock.instant()), Subscriber.class);
	}

	/** Forgets the user's settings. */
	@Override
	public void erase(LineUserId user) {
		mongo.remove(Query.query(where("_id").is(user.value())), Subscriber.class);
	}

	/**
	 * How many citizens follow each topic (whether LINE can reach them or not), most followed first; topics that no
	 * longer exist are left out. For the console's statistics.
	 */
	public List<FollowerCount> followerCounts() {
		Query all = new Query();
		all.fields().include("topics");
		Map<String, Long> counts = new HashMap<>();
		try (Stream<Subscriber> subscribers = mongo.stream(all, Subscriber.class)) {
			subscribers.forEach(s -> s.topics().forEach(key -> counts.merge(key, 1L, Long::sum)));
		}
		return counts.entrySet().stream()
			.flatMap(e -> Topic.parse(e.getKey()).stream()
				.flatMap(topic -> topics.label(topic).flatMap(label -> topics.municipality(topic)
					.map(city -> new FollowerCount(city, topic.type(), label, e.getValue()))).stream()))
			.sorted(Comparator.comparingLong(FollowerCount::followers).reversed().thenComparing(FollowerCount::label))
			.toList();
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

	private Optional<Subscriber> find(LineUserId user) {
		return Optional.ofNullable(mongo.findById(user.value(), Subscriber.class));
	}
}
