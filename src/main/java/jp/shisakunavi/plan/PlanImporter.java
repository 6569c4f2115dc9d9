package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.shisakunavi.system.DataFileException;

/**
 * Writes validated plan files into MongoDB. MongoDB has no multi-document transactions on every server we run
 * on, so a plan is written in idempotent steps: its measures, then the removal of measures the file no longer
 * has, then the plan itself with the file's checksum, marked complete. A crash in between leaves the plan absent
 * or with the checksum of the file before, and the next import of the same file finishes the job. A measure that
 * is already stored keeps its ratings ({@link StoredRatings}): reading a corrected file again changes texts, never
 * an evaluation entered since.
 */
@Service
public class PlanImporter {

	private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);
	/** Attempts to write one measure while intakes keep changing its evaluations; each is a few milliseconds. */
	private static final int ATTEMPTS = 20;

	private final MongoTemplate mongo;
	private final Plans plans;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final PlanFileReader reader = new PlanFileReader();

	PlanImporter(MongoTemplate mongo, Plans plans, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.plans = plans;
		this.events = events;
		this.clock = clock;
	}

	/** Reads and validates a file; throws {@link DataFileException} and writes nothing when it is broken. */
	ValidatedPlan validate(String file, byte[] content) {
		return new ValidatedPlan(file, reader.read(file, content), checksum(content));
	}

	/** Imports one plan file, replacing the plan of the same id and keeping the ratings stored for its measures. */
	public Plan importFile(String file, byte[] content) {
		return write(validate(file, content));
	}

	Plan write(ValidatedPlan validated) {
		PlanFile file = validated.plan();
		Plan plan = file.plan(validated.checksum(), clock.instant()).completed(true);
		List<Measure> measures = file.measures();
		Map<String, Measure> stored = new HashMap<>();
		plans.measuresOf(plan.id()).forEach(m -> stored.put(m.id(), m));
		List<Measure> added = measures.stream().filter(m -> !stored.containsKey(m.id())).toList();
		if (!added.isEmpty()) {
			BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Measure.class);
			added.forEach(m -> bulk.replaceOne(Query.query(where("_id").is(m.id())), m,
					org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert()));
			bulk.execute();
		}
		measures.stream().filter(m -> stored.containsKey(m.id())).forEach(m -> rewrite(m, stored.get(m.id())));
		List<String> ids = measures.stream().map(Measure::id).toList();
		mongo.remove(Query.query(where("planId").is(plan.id()).and("_id").nin(ids)), Measure.class);
		mongo.save(plan);
		log.info("Imported plan {} ({} {}) with {} measures from {} ({} already stored kept their ratings)", plan.id(),
				plan.municipality(), plan.title(), measures.size(), validated.file(), measures.size() - added.size());
		events.publishEvent(new PlanDataChanged(plan.id()));
		return plan;
	}

	/** Writes a measure's texts from its file, keeping the ratings stored, also while an intake writes them. */
	private void rewrite(Measure fromFile, Measure stored) {
		Measure read = stored;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			if (plans.replaceIfUnchanged(read, StoredRatings.keep(fromFile, read))) {
				return;
			}
			read = plans.measure(fromFile.id()).orElseThrow();
		}
		throw new IllegalStateException("The evaluations of " + fromFile.id() + " kept changing while its texts were "
				+ "rewritten; the next start tries again");
	}

	private static String checksum(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}

	/** A plan file that passed validation. */
	record ValidatedPlan(String file, PlanFile plan, String checksum) {
	}
}
