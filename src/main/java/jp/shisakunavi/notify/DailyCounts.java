package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * How many notifications each citizen got per day, for the daily cap. Counted in buckets of users whose ids
 * share a prefix (one document per day and prefix), because planning walks users in id order: a million
 * recipients cost a few thousand reads and writes instead of a million, and memory holds one bucket at a time.
 */
@Repository
class DailyCounts implements PersonalData {

	static final String COLLECTION = "daily_counts";
	private static final int PREFIX = 4;

	private final MongoTemplate mongo;

	DailyCounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	static String bucket(String userId) {
		return userId.length() <= PREFIX ? userId : userId.substring(0, PREFIX);
	}

	/** The counts of one day for the users of one bucket. */
	Map<String, Integer> read(LocalDate day, String bucket) {
		Document stored = mongo.findById(id(day, bucket), Document.class, COLLECTION);
		Map<String, Integer> counts = new HashMap<>();
		if (stored != null && stored.get("counts") instanceof Document users) {
			users.forEach((user, count) -> counts.put(user, ((Number) count).intValue()));
		}
		return counts;
	}

	/** One more message for each user (users may span several buckets). */
	void add(LocalDate day, Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		Map<String, List<String>> byBucket = userIds.stream().collect(Collectors.groupingBy(DailyCounts::bucket));
		BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		byBucket.forEach((bucket, users) -> {
			Update update = new Update().set("day", day.toString());
			users.forEach(user -> update.inc("counts." + user, 1));
			bulk.upsert(Query.query(where("_id").is(id(day, bucket))), update);
		});
		bulk.execute();
	}

	/** Counts older than yesterday are no longer needed. */
	void purgeBefore(LocalDate day) {
		mongo.remove(Query.query(where("day").lt(day.toString())), COLLECTION);
	}

	@Override
	public void erase(String userId) {
		mongo.updateMulti(Query.query(where("_id").regex("\\|" + java.util.regex.Pattern.quote(bucket(userId)) + "$")),
				new Update().unset("counts." + userId), COLLECTION);
	}

	private static String id(LocalDate day, String bucket) {
		return day + "|" + bucket;
	}
}
