package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCursor;

import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.users.LineUserId;

/**
 * Who a citizens' delivery reaches, streamed in user id order (so that planning can resume after the last user it
 * wrote, and memory stays flat however many there are): the followers of the changed measures' topics, each in the
 * group of the changes they follow; the citizens with held notices, for a digest; an announcement's segment.
 * Whether they can be reached is for delivery to tell.
 */
@Component
class Audiences {

	private static final int BATCH = 5000;

	private final MongoTemplate mongo;
	private final Topics topics;
	private final HeldNotices heldNotices;

	Audiences(MongoTemplate mongo, Topics topics, HeldNotices heldNotices) {
		this.mongo = mongo;
		this.topics = topics;
		this.heldNotices = heldNotices;
	}

	/** The group of recipients who follow exactly these changes. */
	static String group(List<String> changeIds) {
		return String.join(",", changeIds);
	}

	static List<String> changeIds(String group) {
		return group.isEmpty() ? List.of() : List.of(group.split(","));
	}

	/** The topic keys of each change, in the order of the changes. */
	Map<String, Set<String>> keysOf(List<RatingChange> changes) {
		Map<String, Set<String>> keys = new LinkedHashMap<>();
		changes.forEach(change -> keys.put(change.id(), Set.copyOf(topics.keysOf(change))));
		return keys;
	}

	/** The followers of any of the changes, each in the group of the changes they follow. */
	Stream<Recipient> followers(Map<String, Set<String>> keysByChange, LineUserId after) {
		Set<String> all = new TreeSet<>();
		keysByChange.values().forEach(all::addAll);
		if (keysByChange.size() == 1) {
			// everyone found follows the one change: their topics need not be read
			String only = group(List.copyOf(keysByChange.keySet()));
			return subscribers(where("topics").in(all), after, false).map(d -> recipient(d, only));
		}
		return subscribers(where("topics").in(all), after, true).map(d -> {
			List<String> followed = d.getList("topics", String.class);
			return recipient(d, group(keysByChange.entrySet().stream()
				.filter(e -> followed.stream().anyMatch(e.getValue()::contains))
				.map(Map.Entry::getKey)
				.toList()));
		});
	}

	/** An announcement's segment: followers of any of the topics; every citizen who follows anything when empty. */
	Stream<Recipient> segment(List<String> topicKeys, LineUserId after) {
		return subscribers(segmentCriteria(topicKeys), after, false).map(d -> recipient(d, ""));
	}

	long countFollowers(Map<String, Set<String>> keysByChange) {
		return mongo.count(Query.query(where("topics").in(keysByChange.values().stream().flatMap(Set::stream).distinct()
			.toList())), Subscriber.class);
	}

	long countSegment(List<String> topicKeys) {
		return mongo.count(Query.query(segmentCriteria(topicKeys)), Subscriber.class);
	}

	/** Citizens with notices held before a day, each once in the group of all their held changes. */
	Stream<Recipient> held(LocalDate before, LineUserId after) {
		Iterator<HeldNotices.HeldNotice> notices = heldNotices.before(before, after).iterator();
		Iterator<Recipient> merged = new Iterator<>() {
			HeldNotices.HeldNotice next = notices.hasNext() ? notices.next() : null;

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public Recipient next() {
				if (next == null) {
					throw new NoSuchElementException();
				}
				String user = next.userId();
				Set<String> changes = new TreeSet<>();
				while (next != null && next.userId().equals(user)) {
					changes.addAll(next.changeIds());
					next = notices.hasNext() ? notices.next() : null;
				}
				return new Recipient(LineUserId.of(user), group(List.copyOf(changes)));
			}
		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
	}

	private static Criteria segmentCriteria(List<String> topicKeys) {
		return topicKeys.isEmpty() ? where("topics.0").exists(true) : where("topics").in(topicKeys);
	}

	private static Recipient recipient(Document subscriber, String group) {
		return new Recipient(new LineUserId(subscriber.getString("_id")), group);
	}

	/**
	 * Subscribers matching the criteria after a user id, in id order. Read as plain documents in large batches
	 * with only the fields needed: planning a million recipients reads a million of them.
	 */
	private Stream<Document> subscribers(Criteria criteria, LineUserId after, boolean withTopics) {
		Query query = Query.query(criteria.and("_id").gt(after.value()));
		FindIterable<Document> found = mongo.getCollection(mongo.getCollectionName(Subscriber.class))
			.find(query.getQueryObject())
			.projection(withTopics ? new Document("topics", 1) : new Document("_id", 1))
			.sort(new Document("_id", 1))
			.batchSize(BATCH);
		MongoCursor<Document> cursor = found.iterator();
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
			.onClose(cursor::close);
	}
}
