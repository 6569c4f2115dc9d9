package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jp.shisakunavi.delivery.DailyCap;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * How many messages each user got per day and counter ({@link DailyCap}). Counted in buckets of users whose ids
 * share a prefix (one document per day, counter and prefix), because planning walks users in id order: the counts
 * of a day are read in one pass beside the recipients and written once per bucket, so a million recipients cost a
 * few hundred writes instead of a million, and memory holds one bucket at a time. A bucket is written whole:
 * only the planning lease holder plans, so no other writer counts at the same time.
 */
@Repository
class DailyCounts implements PersonalData {

	static final String COLLECTION = "daily_counts";
	/** LINE user ids are U and 32 random hex digits: U and two of them make 256 buckets. */
	private static final int HEX_DIGITS = 2;

	private final MongoTemplate mongo;

	DailyCounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	static String bucket(String userId) {
		int length = (userId.startsWith(LineUserId.SIMULATOR_PREFIX) ? LineUserId.SIMULATOR_PREFIX.length() : 1)
				+ HEX_DIGITS;
		return userId.length() <= length ? userId : userId.substring(0, length);
	}

	/** Counts of one counter and day for users visited in ascending id order; close it to write what was counted. */
	Counter counter(String counter, LocalDate day) {
		return new Counter(counter, day);
	}

	/** Counts older than yesterday are no longer needed. */
	void purgeBefore(LocalDate day) {
		mongo.remove(Query.query(where("day").lt(day.toString())), COLLECTION);
	}

	@Override
	public void erase(LineUserId user) {
		mongo.updateMulti(Query.query(where("_id").regex("\\|" + Pattern.quote(bucket(user.value())) + "$")),
				new Update().unset("counts." + user.value()), COLLECTION);
	}

	/**
	 * Walks the day's buckets beside the recipients (both in id order): {@link #count} tells how many messages a
	 * user already got, {@link #add} counts one more, written with the bucket's other users when the walk
	 * leaves the bucket.
	 */
	final class Counter implements AutoCloseable {

		private final String name;
		private final LocalDate day;
		private final Stream<Document> stream;
		private final Iterator<Document> stored;
		private Document next;
		private String bucket;
		private Map<String, Integer> counts = Map.of();
		private final List<String> added = new ArrayList<>();

		private Counter(String name, LocalDate day) {
			this.name = name;
			this.day = day;
			this.stream = mongo.stream(Query.query(where("day").is(day.toString()).and("counter").is(name))
				.with(Sort.by("_id")), Document.class, COLLECTION);
			this.stored = stream.iterator();
			this.next = stored.hasNext() ? stored.next() : null;
		}

		int count(LineUserId user) {
			moveTo(bucket(user.value()));
			return counts.getOrDefault(user.value(), 0);
		}

		void add(LineUserId user) {
			moveTo(bucket(user.value()));
			added.add(user.value());
		}

		private void moveTo(String wanted) {
			if (wanted.equals(bucket)) {
				return;
			}
			flush();
			bucket = wanted;
			String id = id(day, name, wanted);
			while (next != null && next.getString("_id").compareTo(id) < 0) {
				next = stored.hasNext() ? stored.next() : null;
			}
			counts = new HashMap<>();
			if (next != null && next.getString("_id").equals(id) && next.get("counts") instanceof Document users) {
				users.forEach((user, count) -> counts.put(user, ((Number) count).intValue()));
			}
		}

		private void flush() {
			if (added.isEmpty()) {
				return;
			}
			added.forEach(user -> counts.merge(user, 1, Integer::sum));
			mongo.save(new Document("_id", id(day, name, bucket)).append("day", day.toString()).append("counter", name)
				.append("counts", new Document(counts)), COLLECTION);
			added.clear();
		}

		@Override
		public void close() {
			flush();
			stream.close();
		}
	}

	private static String id(LocalDate day, String counter, String bucket) {
		return day + "|" + counter + "|" + bucket;
	}
}
