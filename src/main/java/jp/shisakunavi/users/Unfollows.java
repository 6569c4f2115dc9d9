package jp.shisakunavi.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Blocks (unfollow events) counted per day and city, one document per day and city: numbers only, no user ids, so
 * the counts outlive the users they counted (an erased user's block stays counted).
 */
@Repository
class Unfollows {

	static final String COLLECTION = "unfollows_per_day";
	private static final String NO_CITY = "";

	private final MongoTemplate mongo;

	Unfollows(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void count(LocalDate day, String municipality) {
		String city = municipality == null ? NO_CITY : municipality;
		mongo.upsert(Query.query(where("_id").is(day + "|" + city)),
				new Update().inc("count", 1).setOnInsert("day", day.toString()).setOnInsert("municipality", city), COLLECTION);
	}

	Map<LocalDate, Long> perDay(LocalDate from, LocalDate to, String municipality) {
		Criteria criteria = where("day").gte(from.toString()).lte(to.toString());
		if (municipality != null) {
			criteria = criteria.and("municipality").is(municipality);
		}
		Map<LocalDate, Long> days = new TreeMap<>();
		mongo.find(Query.query(criteria), Document.class, COLLECTION).forEach(d -> days.merge(LocalDate.parse(d.getString("day")),
				((Number) d.get("count")).longValue(), Long::sum));
		return days;
	}
}
