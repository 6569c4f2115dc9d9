package jp.shisakunavi.faq;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A FAQ entry as stored: its content, how far it follows its seed file, and the last change. One document per
 * entry, so that every change is one conditional write on {@code version}; deleted entries stay (a tombstone),
 * so that a seed file left as it was does not bring them back.
 *
 * @param version raised by every change; the number of the entry's newest {@link FaqVersion}
 * @param origin whether the content is the seed file's or was changed by people since
 * @param fileChecksum the seed file version the entry has taken or was shown and declined (null: no file known)
 * @param deletedAt when the entry was deleted; null while it is answered
 * @param offer a seed file version that differs from what people made of the entry, waiting for an editor's choice
 * @param change what the newest version did, kept so that a version lost in a crash can be written again
 */
@Document("faq")
public record FaqRecord(@Id String id, FaqDraft content, long version, Instant updatedAt, String updatedBy,
		Origin origin, String fileChecksum, Instant deletedAt, FileOffer offer, FaqVersion.Change change) {

	/** Where the content comes from. */
	public enum Origin {
		/** As the seed file says: a changed file replaces it. */
		FILE,
		/** Changed in the console, the admin API or an import: a changed file is offered, never applied by itself. */
		EDITED
	}

	public FaqEntry entry() {
		return content.entry(id, version, updatedAt);
	}

	public boolean deleted() {
		return deletedAt != null;
	}

	/** A changed seed file waits for an editor to keep this content, take the file's or merge them. */
	public boolean inConflict() {
		return offer != null;
	}

	/** The municipality the entry belongs to (null: common), for permission checks and the audit log. */
	public String municipality() {
		return content.municipality();
	}

	FaqRecord next(FaqDraft content, Origin origin, String fileChecksum, Instant deletedAt, FileOffer offer,
			FaqVersion.Change change, Instant at, String by) {
		return new FaqRecord(id, content, version + 1, at, by, origin, fileChecksum, deletedAt, offer, change);
	}
}
