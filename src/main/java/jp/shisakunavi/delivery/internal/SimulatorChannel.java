package jp.shisakunavi.delivery.internal;

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

import jp.shisakunavi.delivery.SimulatorInbox;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * The chat simulator's channel: messages for its users ({@code sim-…}), who are not LINE users, are delivered
 * here like a multicast, and shown by the simulator page.
 */
@Repository
class SimulatorChannel implements SimulatorInbox, PersonalData {

	private final MongoTemplate mongo;
	private final Clock clock;

	SimulatorChannel(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
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

	@Override
	public List<String> take(LineUserId user) {
		List<Notice> notices = mongo.findAllAndRemove(
				Query.query(where("userId").is(user.value())).with(Sort.by("receivedAt")), Notice.class);
		return notices.stream().map(Notice::json).toList();
	}

	/** Messages nobody came back for: simulator sessions are short. */
	void purgeBefore(Instant before) {
		mongo.remove(Query.query(where("receivedAt").lt(before)), Notice.class);
	}

	@Override
	public void erase(LineUserId user) {
		mongo.remove(Query.query(where("userId").is(user.value())), Notice.class);
	}

	@Document("simulator_inbox")
	record Notice(@Id String id, String userId, String json, Instant receivedAt) {
	}
}
