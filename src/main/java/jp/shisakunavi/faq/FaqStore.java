package jp.shisakunavi.faq;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way entries are written, for people's changes ({@link FaqEditor}, imports) and the seed folder
 * ({@link FaqFolder}) alike: the entry (conditionally on its version), then its version in the history, then the
 * FAQ's revision for other instances. A crash between the entry and its version leaves the entry's {@code change}
 * to write the version from again ({@link #repairHistory}).
 */
@Component
class FaqStore {

	private final FaqRecords records;
	private final ApplicationEventPublisher events;

	FaqStore(FaqRecords records, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
	}

	/** @return false when an entry with the id exists already */
	boolean insert(FaqRecord first) {
		if (!records.insert(first)) {
			return false;
		}
		written(first);
		return true;
	}

	/** @return false when the entry changed since {@code next} was made from it (nothing was written) */
	boolean replace(FaqRecord next) {
		if (!records.replace(next)) {
			return false;
		}
		written(next);
		return true;
	}

	/** Undoes {@code next} (an import that could not be stored whole), if it is still the entry's newest change. */
	void undo(FaqRecord next, FaqRecord before) {
		records.revert(next, before);
		records.raiseRevision();
	}

	/** Tells this instance's search index at once; other instances see the raised revision within seconds. */
	void publish() {
		events.publishEvent(new FaqChanged(records.revision()));
	}

	/** Writes the newest version of every entry whose history misses it (a crash right after the entry's write). */
	int repairHistory() {
		int repaired = 0;
		for (FaqRecord record : records.all()) {
			if (!records.hasVersion(record.id(), record.version())) {
				records.save(versionOf(record));
				repaired++;
			}
		}
		return repaired;
	}

	private void written(FaqRecord record) {
		records.save(versionOf(record));
		records.raiseRevision();
	}

	static FaqVersion versionOf(FaqRecord record) {
		boolean offered = record.change() == FaqVersion.Change.FILE_OFFERED;
		return new FaqVersion(FaqVersion.idOf(record.id(), record.version()), record.id(), record.version(),
				offered ? record.offer().content() : record.content(), !offered && record.deleted(), !offered,
				record.change(), record.updatedAt(), record.updatedBy());
	}
}
