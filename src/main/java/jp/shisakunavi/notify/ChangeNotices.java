package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jp.shisakunavi.plan.RatingChange;

/**
 * What notifications know about each applied rating change, one document per change (its id is the change's, so
 * a change is taken at most once): whether it is urgent, which delivery took it, and whether that delivery was
 * ordered. Also how far the changes were read ({@link #cursor()}).
 */
@Repository
class ChangeNotices {

	private static final String CURSOR = "changes-cursor";

	private final MongoTemplate mongo;

	ChangeNotices(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The latest application time of the changes read so far; the beginning of time before any was read. */
	Instant cursor() {
		Cursor cursor = mongo.findById(CURSOR, Cursor.class);
		return cursor == null ? Instant.EPOCH : cursor.appliedAt();
	}

	void advanceCursor(Instant appliedAt) {
		mongo.upsert(Query.query(where("_id").is(CURSOR)), new Update().max("appliedAt", appliedAt), Cursor.class);
	}

	/** Takes the changes not known yet; known ones are left as they are. */
	void recordNew(List<RatingChange> changes) {
		Set<String> known = mongo.find(Query.query(where("_id").in(changes.stream().map(RatingChange::id).toList())),
				ChangeNotice.class).stream().map(ChangeNotice::changeId).collect(Collectors.toSet());
		for (RatingChange change : changes) {
			if (!known.contains(change.id())) {
				insert(new ChangeNotice(change.id(), change.urgent(), change.recordedAt(), null, false));
			}
		}
	}

	/**
	 * Adds a change that an earlier version delivered, so that it is never taken again; with the delivery that
	 * took it, when known.
	 */
	void recordDelivered(String changeId, boolean urgent, Instant recordedAt, String deliveryId) {
		Update update = new Update().setOnInsert("urgent", urgent).setOnInsert("recordedAt", recordedAt)
			.setOnInsert("ordered", true);
		if (deliveryId != null) {
			update.set("deliveryId", deliveryId);
		}
		mongo.upsert(Query.query(where("_id").is(changeId)), update, ChangeNotice.class);
	}

	Optional<ChangeNotice> find(String changeId) {
		return Optional.ofNullable(mongo.findById(changeId, ChangeNotice.class));
	}

	/** Changes no delivery has taken yet, oldest first. */
	List<ChangeNotice> waiting(int limit) {
		return mongo.find(Query.query(where("deliveryId").is(null).and("ordered").is(false))
			.with(Sort.by("recordedAt", "_id")).limit(limit),
				ChangeNotice.class);
	}

	/** Gives the changes to a delivery, those that no delivery has taken meanwhile. */
	void assign(List<String> changeIds, String deliveryId) {
		mongo.updateMulti(Query.query(where("_id").in(changeIds).and("deliveryId").is(null)),
				Update.update("deliveryId", deliveryId), ChangeNotice.class);
	}

	/** Deliveries that were given changes but may not have been ordered (a crash in between). */
	List<String> assignedNotOrdered() {
		return mongo.findDistinct(Query.query(where("deliveryId").ne(null).and("ordered").is(false)), "deliveryId",
				ChangeNotice.class, String.class);
	}

	List<ChangeNotice> ofDelivery(String deliveryId) {
		return mongo.find(Query.query(where("deliveryId").is(deliveryId)).with(Sort.by("_id")), ChangeNotice.class);
	}

	void markOrdered(String deliveryId) {
		mongo.updateMulti(Query.query(where("deliveryId").is(deliveryId)), Update.update("ordered", true),
				ChangeNotice.class);
	}

	/** Marks a change urgent, taking it first if it was not read yet; the notice as it is now. */
	ChangeNotice markUrgent(RatingChange change) {
		mongo.upsert(Query.query(where("_id").is(change.id())), new Update().set("urgent", true)
			.setOnInsert("recordedAt", change.recordedAt()).setOnInsert("ordered", false), ChangeNotice.class);
		return mongo.findById(change.id(), ChangeNotice.class);
	}

	private void insert(ChangeNotice notice) {
		try {
			mongo.insert(notice);
		}
		catch (DuplicateKeyException known) {
			// read twice (the cursor's overlap), or marked urgent by an administrator first
		}
	}

	/**
	 * @param deliveryId the delivery that took the change; null while it waits
	 * @param ordered the delivery was ordered (for a change delivered by an earlier version: it was delivered)
	 */
	@Document("change_notices")
	record ChangeNotice(@Id String changeId, boolean urgent, Instant recordedAt, String deliveryId, boolean ordered) {
	}

	@Document("notify_state")
	record Cursor(@Id String id, Instant appliedAt) {
	}
}
