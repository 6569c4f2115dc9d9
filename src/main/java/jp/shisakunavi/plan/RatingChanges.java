package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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

/** The recorded rating changes: the public history of each measure and the queue of changes to notify. */
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
			.createIndex(new Index().on("deliveryPlanned", Sort.Direction.ASC).on("applied", Sort.Direction.ASC));
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
	 * callers only one sees a change flip and announces it.
	 *
	 * @return the ids that this call flipped
	 */
	List<String> markApplied(Collection<String> ids) {
		List<String> flipped = new ArrayList<>();
		for (String id : ids) {
			if (mongo.updateFirst(Query.query(where("_id").is(id).and("applied").is(false)),
					Update.update("applied", true), RatingChange.class).getModifiedCount() > 0) {
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

	/** Applied changes that no delivery has taken yet, oldest first. */
	public List<RatingChange> awaitingDelivery(int limit) {
		Query query = Query.query(where("applied").is(true).and("deliveryPlanned").is(false));
		return mongo.find(query.with(Sort.by("recordedAt", "_id")).limit(limit), RatingChange.class);
	}

	public void markDeliveryPlanned(List<String> ids) {
		mongo.updateMulti(Query.query(where("_id").in(ids)), Update.update("deliveryPlanned", true), RatingChange.class);
	}

	/** Marks a change urgent (delivered outside the send window); false when there is no such change. */
	public boolean markUrgent(String id) {
		return mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("urgent", true), RatingChange.class)
			.getMatchedCount() > 0;
	}
}
