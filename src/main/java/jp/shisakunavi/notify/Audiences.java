package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
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

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCursor;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.RatingChange;

/**
 * Who a delivery reaches, streamed in user id order (so that planning can resume after the last user it
 * wrote, and memory stays flat however many there are): the active followers of the changed measures' topics,
 * the citizens with held notices for a digest, or an announcement's segment.
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

	/** The topic keys of each change, in the order of the changes. */
	Map<String, Set<String>> keysOf(List<RatingChange> changes) {
		Map<String, Set<String>> keys = new LinkedHashMap<>();
		changes.forEach(change -> keys.put(change.id(), Set.copyOf(topics.keysOf(change))));
		return keys;
	}

	/** The followers of any of the changes, each with the changes they follow. */
	Stream<Recipient> followers(Map<String, Set<String>> keysByChange, String afterUserId) {
		Set<String> all = new TreeSet<>();
		keysByChange.values().forEach(all::addAll);
		if (keysByChange.size() == 1) {
			// everyone found follows the one change: their topics need not be read
			List<String> only = List.copyOf(keysByChange.keySet());
			return subscribers(where("topics").in(all), afterUserId, false).map(s -> new Recipient(s.userId(), only));
		}
		return subscribers(where("topics").in(all), afterUserId, true).map(s -> new Recipient(s.userId(),
				keysByChange.entrySet().stream()
					.filter(e -> s.topics().stream().anyMatch(e.getValue()::contains))
					.map(Map.Entry::getKey)
					.toList()));
	}

	/** An announcement's segment: followers of any of the topics; every citizen who follows anything when empty. */
	Stream<Recipient> segment(List<String> topicKeys, String afterUserId) {
		Criteria criteria = topicKeys.isEmpty() ? where("topics.0").exists(true) : where("topics").in(topicKeys);
		return subscribers(criteria, afterUserId, false).map(s -> new Recipient(s.userId(), List.of()));
	}

	long count(Criteria criteria) {
		return mongo.count(Query.query(criteria.and("active").is(true)), Subscriber.class);
	}

	/** Citizens with notices held before a day, each once with all their held changes, if still active. */
	Stream<Recipient> held(LocalDate before, String afterUserId) {
		Iterator<HeldNotices.HeldNotice> notices = heldNotices.before(before, afterUserId).iterator();
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
				return new Recipient(user, new ArrayList<>(changes));
			}
		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false)
			.filter(r -> mongo.exists(Query.query(where("_id").is(r.userId()).and("active").is(true)), Subscriber.class));
	}

	/**
	 * Active subscribers matching the criteria after a user id, in id order. Read as plain documents in large
	 * batches with only the fields needed: planning a million recipients reads a million of them.
	 */
	private Stream<Subscriber> subscribers(Criteria criteria, String afterUserId, boolean withTopics) {
		Query query = Query.query(criteria.and("active").is(true).and("_id").gt(afterUserId));
		FindIterable<Document> found = mongo.getCollection(mongo.getCollectionName(Subscriber.class))
			.find(query.getQueryObject())
			.projection(withTopics ? new Document("topics", 1) : new Document("_id", 1))
			.sort(new Document("_id", 1))
			.batchSize(BATCH);
		MongoCursor<Document> cursor = found.iterator();
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
			.onClose(cursor::close)
			.map(d -> new Subscriber(d.getString("_id"), true, withTopics ? d.getList("topics", String.class) : List.of(), null));
	}
}
