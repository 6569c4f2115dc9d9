package jp.shisakunavi.faq;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jp.shisakunavi.faq.FaqRecord.Origin;
import jp.shisakunavi.faq.FaqVersion.Change;
import jp.shisakunavi.system.DataFileException;

/**
 * Brings the seed files into the database without ever overwriting what people made, either way:
 * <ul>
 * <li>an entry that still says what its file said ({@link Origin#FILE}) follows the file: changed, removed, back;</li>
 * <li>an entry changed or deleted by people ({@link Origin#EDITED}) keeps that; a changed or removed file is
 * offered beside it ({@link FileOffer}) until an editor keeps the console's version, takes the file's or merges
 * them — unless the file now says exactly what the entry says, which settles it;</li>
 * <li>a file is compared by checksum with the version the entry took or declined, so a file left as it is
 * changes nothing, and a deleted entry stays deleted.</li>
 * </ul>
 * Each write is conditional on the version read; an instance that loses a race to another reads again.
 */
@Component
class FaqSeed {

	private static final Logger log = LoggerFactory.getLogger(FaqSeed.class);
	private static final String SYSTEM = "system";
	private static final int ATTEMPTS = 3;

	private final FaqRecords records;
	private final FaqStore store;
	private final Clock clock;
	private final FaqFileReader reader = new FaqFileReader();
	/** Broken files by id, with the reason, as found last; each version of a broken file is logged once. */
	private final Map<String, DataFileException> broken = new HashMap<>();

	FaqSeed(FaqRecords records, FaqStore store, Clock clock) {
		this.records = records;
		this.store = store;
		this.clock = clock;
	}

	/** @return the number of entries written */
	synchronized int apply(Map<String, SeedFile> files) {
		Map<String, FaqRecord> stored = records.all().stream().collect(Collectors.toMap(FaqRecord::id, Function.identity()));
		int written = 0;
		for (SeedFile file : files.values()) {
			written += retried(file.id(), stored.get(file.id()), record -> fromFile(file, record));
		}
		for (FaqRecord record : stored.values()) {
			if (!files.containsKey(record.id())) {
				written += retried(record.id(), record, this::fileRemoved);
			}
		}
		broken.keySet().retainAll(files.keySet());
		return written;
	}

	/** The broken seed files and why, as found at the last look. */
	synchronized Map<String, String> brokenFiles() {
		return broken.values().stream().collect(Collectors.toMap(DataFileException::file, DataFileException::reason, (a, b) -> a));
	}

	private int retried(String id, FaqRecord record, Function<FaqRecord, Outcome> step) {
		FaqRecord current = record;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Outcome outcome = step.apply(current);
			if (outcome != Outcome.LOST) {
				return outcome == Outcome.WRITTEN ? 1 : 0;
			}
			current = records.find(id).orElse(null);
		}
		log.warn("FAQ entry {} kept changing while its seed file was read; it is compared again at the next change", id);
		return 0;
	}

	private Outcome fromFile(SeedFile file, FaqRecord record) {
		String checksum = file.checksum();
		if (record != null && checksum.equals(record.fileChecksum())) {
			return record.inConflict() ? replace(record.next(record.content(), record.origin(), checksum,
					record.deletedAt(), null, Change.FILE_REVERTED, clock.instant(), SYSTEM)) : Outcome.UNCHANGED;
		}
		if (record != null && record.inConflict() && checksum.equals(record.offer().checksum())) {
			return Outcome.UNCHANGED;
		}
		FaqDraft content;
		try {
			content = reader.read(file.id(), file.name(), file.content());
			broken.remove(file.id());
		}
		catch (DataFileException e) {
			DataFileException before = broken.put(file.id(), e);
			if (before == null || !before.getMessage().equals(e.getMessage())) {
				log.error("Skipped a broken FAQ file (the entry keeps what it had): {}", e.getMessage());
			}
			return Outcome.UNCHANGED;
		}
		if (record == null) {
			FaqRecord first = new FaqRecord(file.id(), content, 1, clock.instant(), SYSTEM, Origin.FILE, checksum, null,
					null, Change.FILE_LOADED);
			return store.insert(first) ? Outcome.WRITTEN : Outcome.LOST;
		}
		if (record.origin() == Origin.FILE) {
			return replace(record.next(content, Origin.FILE, checksum, null, null, Change.FILE_UPDATED, clock.instant(), SYSTEM));
		}
		if (!record.deleted() && content.equals(record.content())) {
			return replace(record.next(content, Origin.EDITED, checksum, null, null, Change.FILE_MATCHES, clock.instant(), SYSTEM));
		}
		FileOffer offer = new FileOffer(file.name(), checksum, content, clock.instant());
		log.info("FAQ file {} changed after its entry was changed in the console: waiting for an editor's choice", file.name());
		return replace(record.next(record.content(), Origin.EDITED, record.fileChecksum(), record.deletedAt(), offer,
				Change.FILE_OFFERED, clock.instant(), SYSTEM));
	}

	private Outcome fileRemoved(FaqRecord record) {
		boolean hadFile = record.fileChecksum() != null;
		boolean offered = record.inConflict() && !record.offer().removed();
		if (!hadFile && !offered) {
			return Outcome.UNCHANGED;
		}
		if (record.origin() == Origin.FILE) {
			return record.deleted() ? Outcome.UNCHANGED : replace(record.next(record.content(), Origin.FILE, null,
					clock.instant(), null, Change.FILE_REMOVED, clock.instant(), SYSTEM));
		}
		if (record.deleted() || !hadFile) {
			// Deleted in the console and removed from the folder agree; a file that came and went offers nothing.
			return replace(record.next(record.content(), Origin.EDITED, null, record.deletedAt(), null,
					Change.FILE_REMOVED, clock.instant(), SYSTEM));
		}
		if (record.inConflict() && record.offer().removed()) {
			return Outcome.UNCHANGED;
		}
		String name = record.inConflict() ? record.offer().file() : "faq/" + record.id() + ".yaml";
		FileOffer removal = new FileOffer(name, null, null, clock.instant());
		log.info("FAQ file {} was removed after its entry was changed in the console: waiting for an editor's choice", name);
		return replace(record.next(record.content(), Origin.EDITED, record.fileChecksum(), null, removal,
				Change.FILE_OFFERED, clock.instant(), SYSTEM));
	}

	private Outcome replace(FaqRecord next) {
		return store.replace(next) ? Outcome.WRITTEN : Outcome.LOST;
	}

	private enum Outcome {
		WRITTEN, UNCHANGED, LOST
	}
}
