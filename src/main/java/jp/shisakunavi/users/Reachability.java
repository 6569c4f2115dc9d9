package jp.shisakunavi.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Iterator;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoCursor;

/**
 * Whether recipients visited in ascending id order can be sent to: the users who blocked the account are read in
 * the same order beside them (only their ids, and only theirs, since they are the few), so that a million
 * recipients cost one pass over the blocked users instead of a million look-ups. A user without a record has not
 * blocked the account. Close it to end the read.
 */
public final class Reachability implements AutoCloseable {

	private final MongoCursor<Document> blocked;
	private String next;
	private String previous = "";

	Reachability(MongoTemplate mongo, String collection, LineUserId after) {
		Query query = Query.query(where("following").is(false).and("_id").gt(after.value()));
		this.blocked = mongo.getCollection(collection)
			.find(query.getQueryObject())
			.projection(new Document("_id", 1))
			.sort(new Document("_id", 1))
			.batchSize(5000)
			.iterator();
		this.next = advance(blocked);
	}

	/**
	 * @throws IllegalArgumentException when the ids are not visited in ascending order (the walk could not tell)
	 */
	public boolean reachable(LineUserId user) {
		String id = user.value();
		if (id.compareTo(previous) < 0) {
			throw new IllegalArgumentException("users must be visited in ascending id order");
		}
		previous = id;
		while (next != null && next.compareTo(id) < 0) {
			next = advance(blocked);
		}
		return !id.equals(next);
	}

	private static String advance(Iterator<Document> ids) {
		return ids.hasNext() ? ids.next().getString("_id") : null;
	}

	@Override
	public void close() {
		blocked.close();
	}
}
