package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The recorded rating changes: the public history of each measure, in the order they were applied. */
@Repository
public class RatingChanges {

	private final MongoTemplate mongo;

	RatingChanges(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void ensureIndexes() {
		mongo.indexOps(RatingChange.class).createIndex(new Index().on("measureId", Sort.Direction.ASC));
		mongo.indexOps(RatingChange.class).createIndex(new Index().on("unitId", Sort.Direction.ASC));
		mongo.indexOps(RatingChange.class)
			.createIndex(new Index().on("appliedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
	}

	/**
	 * Changes applied by a version before {@code appliedAt} existed take the time they were recorded (they were
	 * applied right after); idempotent, and nothing to do once done.
	 */
	void fillAppliedAt() {
		for (Document change : mongo.find(Query.query(where("applied").is(true).and("appliedAt").exists(false)),
				Document.class, mongo.getCollectionName(RatingChange.class))) {
			mongo.updateFirst(Query.query(where("_id").is(change.get("_id")).and("appliedAt").exists(false)),
					Update.update("appliedAt", change.get("recordedAt")), RatingChange.class);
		}
	}

	/**
	 * Records a change that is about to be written, as not yet applied. An upsert that only sets fields on insert,
	 * so recording the same change again (a request finished after a crash, a second replay) leaves the first
	 * record as it was.
	 *
	 * @return true when this call recorded it, false when it had been recorded before
	 */
	boolean recordPending(RatingChange change) {
		Document fields = new Document();
		mongo.getConverter().write(change, fields);
		Update update = new Update();
		fields.forEach((name, value) -> {
			if (!name.equals("_id") && !name.equals("_class")) {
				update.setOnInsert(name, value);
			}
		});
		return mongo.upsert(Query.query(where("_id").is(change.id())), update, RatingChange.class)
			.getUpsertedId() != null;
	}

	/**
	 * Marks changes applied once their measure was written; a conditional update per change, so that of two
	 * callers only one sees a change flip and announces it. The time is the database's ({@code $currentDate}),
	 * taken in the same atomic update.
	 *
	 * @return the ids that this call flipped
	 */
	List<String> markApplied(Collection<String> ids) {
		List<String> flipped = new ArrayList<>();
		for (String id : ids) {
			if (mongo.updateFirst(Query.query(where("_id").is(id).and("applied").is(false)),
					new Update().set("applied", true).currentDate("appliedAt"), RatingChange.class).getModifiedCount() > 0) {
				flipped.add(id);
			}
		}
		return flipped;
	}

	public Optional<RatingChange> find(String id) {
		return Optional.ofNullable(mongo.findById(id, RatingChange.class));
	}

	/** The changes with these ids, in the order of the ids (one query); ids not found are left out. */
	public List<RatingChange> find(List<String> ids) {
		Map<String, RatingChange> byId = mongo.find(Query.query(where("_id").in(ids)), RatingChange.class).stream()
			.collect(Collectors.toMap(RatingChange::id, c -> c));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	/** The applied changes of a measure and its items (or of one item), oldest first. */
	public List<RatingChange> history(String measureOrUnitId) {
		Query query = Query.query(new Criteria().orOperator(where("measureId").is(measureOrUnitId),
				where("unitId").is(measureOrUnitId)).and("applied").is(true));
		return mongo.find(query.with(Sort.by("fiscalYear", "recordedAt")), RatingChange.class);
	}

	/**
	 * Applied changes in the order they were applied ({@code appliedAt}, then id), from {@code from} on, after the
	 * change {@code afterId} of that same time (empty: from the first of it): a reader that follows the changes
	 * reads on from the last one it saw.
	 */
	public List<RatingChange> appliedSince(Instant from, String afterId, int limit) {
		Query query = Query.query(new Criteria().orOperator(where("appliedAt").gt(from),
				where("appliedAt").is(from).and("_id").gt(afterId)));
		return mongo.find(query.with(Sort.by("appliedAt", "_id")).limit(limit), RatingChange.class);
	}
}
