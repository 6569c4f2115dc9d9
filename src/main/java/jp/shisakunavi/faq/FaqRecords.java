package jp.shisakunavi.faq;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The stored entries ({@code faq}), their versions ({@code faq_versions}) and the FAQ's revision, a counter raised
 * by every change so that every instance notices changes made by any of them ({@link FaqRefresh}). Every write of
 * an entry is conditional on the version it replaces: two writers never both win.
 */
@Repository
class FaqRecords {

	private static final String META = "faq_meta";
	private static final String REVISION = "revision";

	private final MongoTemplate mongo;

	FaqRecords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<FaqRecord> find(String id) {
		return Optional.ofNullable(mongo.findById(id, FaqRecord.class));
	}

	/** Every entry, deleted ones too, by id. */
	List<FaqRecord> all() {
		return mongo.findAll(FaqRecord.class).stream().sorted(Comparator.comparing(FaqRecord::id)).toList();
	}

	List<FaqRecord> live() {
		return mongo.find(query(where("deletedAt").is(null)), FaqRecord.class).stream()
			.sorted(Comparator.comparing(FaqRecord::id))
			.toList();
	}

	/** @return false when an entry with the id exists already */
	boolean insert(FaqRecord record) {
		try {
			mongo.insert(record);
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** Replaces the entry if it still has the version before {@code next}'s; false if another change came first. */
	boolean replace(FaqRecord next) {
		return mongo.replace(query(where("_id").is(next.id()).and("version").is(next.version() - 1)), next)
			.getModifiedCount() == 1;
	}

	/**
	 * Puts back the entry as it was before {@code next} (removed when {@code next} created it), if nothing came
	 * after {@code next}; and its version {@code next} goes from the history.
	 */
	void revert(FaqRecord next, FaqRecord before) {
		var written = query(where("_id").is(next.id()).and("version").is(next.version()));
		if (before == null) {
			mongo.remove(written, FaqRecord.class);
		}
		else {
			mongo.replace(written, before);
		}
		mongo.remove(query(where("_id").is(FaqVersion.idOf(next.id(), next.version()))), FaqVersion.class);
	}

	/** Writes a version (again, after a crash between the entry and its version: the same content). */
	void save(FaqVersion version) {
		mongo.save(version);
	}

	boolean hasVersion(String entryId, long number) {
		return mongo.exists(query(where("_id").is(FaqVersion.idOf(entryId, number))), FaqVersion.class);
	}

	/** The entry's versions, newest first. */
	List<FaqVersion> versions(String entryId) {
		return mongo.find(query(where("entryId").is(entryId)).with(Sort.by(Sort.Direction.DESC, "number")), FaqVersion.class);
	}

	Optional<FaqVersion> version(String entryId, long number) {
		return Optional.ofNullable(mongo.findById(FaqVersion.idOf(entryId, number), FaqVersion.class));
	}

	long revision() {
		Revision revision = mongo.findById(REVISION, Revision.class, META);
		return revision == null ? 0 : revision.value();
	}

	long raiseRevision() {
		Revision raised = mongo.findAndModify(query(where("_id").is(REVISION)), new Update().inc("value", 1),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Revision.class, META);
		return raised == null ? revision() : raised.value();
	}

	/**
	 * Entries stored by the release before the console (one flat document per file, with the file's checksum):
	 * they were all read from files, so they are dropped and read from the same files again with their history.
	 */
	long dropPreviousFormat() {
		return mongo.remove(query(where("content").exists(false)), FaqRecord.class).getDeletedCount();
	}

	record Revision(String id, long value) {
	}
}
