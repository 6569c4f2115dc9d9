package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The recorded evaluation requests: the unit of recovery and of idempotency of the intake. */
@Repository
class EvaluationRequests {

	private final MongoTemplate mongo;

	EvaluationRequests(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void ensureIndexes() {
		mongo.indexOps(EvaluationRequest.class)
			.createIndex(new Index().on("done", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC));
	}

	Optional<EvaluationRequest> find(String id) {
		return Optional.ofNullable(mongo.findById(id, EvaluationRequest.class));
	}

	/** Records a request whole, in one document (so a crash leaves all of it or nothing). */
	void record(EvaluationRequest request) {
		mongo.insert(request);
	}

	void markDone(String id) {
		mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("done", true), EvaluationRequest.class);
	}

	/** Forgets requests done long ago (their keys with them). */
	void purgeDoneBefore(Instant before) {
		mongo.remove(Query.query(where("done").is(true).and("receivedAt").lt(before)), EvaluationRequest.class);
	}

	/** Requests whose writes may not have finished, oldest first. */
	List<EvaluationRequest> unfinished(Instant receivedBefore) {
		Query query = Query.query(where("done").is(false).and("receivedAt").lte(receivedBefore));
		return mongo.find(query.with(Sort.by("receivedAt", "_id")), EvaluationRequest.class);
	}
}
