package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Notifications for the chat simulator's users ({@code sim-…}), who are not LINE users: delivered here like a
 * multicast, and shown by the simulator page.
 */
@Repository
public class SimulatorInbox implements PersonalData {

	static final String USER_PREFIX = "sim-";

	private final MongoTemplate mongo;
	private final Clock clock;

	SimulatorInbox(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	static boolean isSimulatorUser(String userId) {
		return userId.startsWith(USER_PREFIX);
	}

	/** Delivers a batch; delivering the same batch again changes nothing. */
	void deliver(String batchKey, List<String> userIds, String messagesJson) {
		Instant now = clock.instant();
		for (String userId : userIds) {
			try {
				mongo.insert(new Notice(batchKey + "|" + userId, userId, messagesJson, now));
			}
			catch (DuplicateKeyException alreadyDelivered) {
				// a sender that crashed after delivering part of the batch: the rest is delivered now
			}
		}
	}

	/** The notifications that arrived for a simulator user, oldest first, as LINE's message JSON; each once. */
	public List<String> take(String userId) {
		List<Notice> notices = mongo.findAllAndRemove(
				Query.query(where("userId").is(userId)).with(Sort.by("receivedAt")), Notice.class);
		return notices.stream().map(Notice::json).toList();
	}

	/** Notices nobody came back for: simulator sessions are short. */
	void purgeBefore(Instant before) {
		mongo.remove(Query.query(where("receivedAt").lt(before)), Notice.class);
	}

	@Override
	public void erase(String userId) {
		mongo.remove(Query.query(where("userId").is(userId)), Notice.class);
	}

	@Document("simulator_inbox")
	record Notice(@Id String id, String userId, String json, Instant receivedAt) {
	}
}
