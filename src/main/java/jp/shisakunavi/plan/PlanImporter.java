package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.system.DataFileException;
import jp.shisakunavi.system.Sha256;

/**
 * Writes validated plan files into MongoDB. MongoDB has no multi-document transactions on every server we run
 * on, so a plan is written in idempotent steps: the plan marked incomplete, its measures replaced, stale
 * measures removed, the plan marked complete. A crash in between leaves it incomplete, and the next import of
 * the same file finishes the job.
 */
@Service
public class PlanImporter {

	private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);

	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final PlanFileReader reader = new PlanFileReader();

	PlanImporter(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/** Reads and validates a file; throws {@link DataFileException} and writes nothing when it is broken. */
	ValidatedPlan validate(String file, byte[] content) {
		return new ValidatedPlan(file, reader.read(file, content), Sha256.hex(content));
	}

	/** Imports one plan file, replacing the plan of the same id. */
	public Plan importFile(String file, byte[] content) {
		return write(validate(file, content));
	}

	Plan write(ValidatedPlan validated) {
		PlanFile file = validated.plan();
		Plan plan = file.plan(validated.checksum(), clock.instant());
		List<Measure> measures = file.measures();
		mongo.save(plan);
		if (!measures.isEmpty()) {
			BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Measure.class);
			measures.forEach(m -> bulk.replaceOne(Query.query(where("_id").is(m.id())), m,
					org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert()));
			bulk.execute();
		}
		List<String> ids = measures.stream().map(Measure::id).toList();
		mongo.remove(Query.query(where("planId").is(plan.id()).and("_id").nin(ids)), Measure.class);
		mongo.updateFirst(Query.query(where("_id").is(plan.id())), Update.update("importComplete", true), Plan.class);
		log.info("Imported plan {} ({} {}) with {} measures from {}", plan.id(), plan.municipality(), plan.title(),
				measures.size(), validated.file());
		events.publishEvent(new PlanDataChanged(plan.id()));
		return plan.completed(true);
	}

	/** A plan file that passed validation. */
	record ValidatedPlan(String file, PlanFile plan, String checksum) {
	}
}
