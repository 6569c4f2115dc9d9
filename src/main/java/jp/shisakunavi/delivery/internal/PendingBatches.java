package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * Batches not sent yet hold their recipients' ids: a user who deletes their data is taken out of those that were
 * never attempted (an attempted batch keeps its body, so that its retry key still names the same request).
 */
@Repository
class PendingBatches implements PersonalData {

	private final MongoTemplate mongo;

	PendingBatches(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void erase(LineUserId user) {
		String userId = user.value();
		for (Chunk chunk : mongo.find(Query.query(where("done").is(false).and("batches.userIds").is(userId)), Chunk.class)) {
			List<Batch> batches = chunk.batches();
			for (int i = 0; i < batches.size(); i++) {
				Batch batch = batches.get(i);
				if (batch.status() == Batch.Status.PENDING && batch.attempts() == 0 && batch.userIds().contains(userId)) {
					List<String> rest = batch.userIds().stream().filter(id -> !id.equals(userId)).toList();
					String path = "batches." + i + ".";
					mongo.updateFirst(Query.query(where("_id").is(chunk.id()).and(path + "attempts").is(0)),
							new Update().set(path + "userIds", rest).set(path + "recipients", rest.size())
								.set(path + "status", rest.isEmpty() ? Batch.Status.SENT : Batch.Status.PENDING),
							Chunk.class);
				}
			}
		}
	}
}
