package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

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

	public Optional<RatingChange> find(String id) {
		return Optional.ofNullable(mongo.findById(id, RatingChange.class));
	}

	/** The applied changes of a measure and its items (or of one item), oldest first. */
	public List<RatingChange> history(String measureOrUnitId) {
		Query query = Query.query(new Criteria().orOperator(where("measureId").is(measureOrUnitId),
				where("unitId").is(measureOrUnitId)).and("applied").is(true));
		return mongo.find(query.with(Sort.by("fiscalYear", "recordedAt")), RatingChange.class);
	}

	/** The newest applied changes, newest first, optionally of one municipality. */
	public List<RatingChange> recent(String municipality, int limit) {
		Query query = Query.query(where("applied").is(true));
		if (municipality != null) {
			query.addCriteria(where("municipality").is(municipality));
		}
		return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "recordedAt")).limit(limit), RatingChange.class);
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
