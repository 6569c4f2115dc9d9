package jp.shisakunavi.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The plans and measures in MongoDB, as the other modules read them. */
@Repository
public class Plans {

	private static final Comparator<Measure> DOCUMENT_ORDER = Comparator.comparing(Measure::planId)
		.thenComparing(Measure::id);

	private final MongoTemplate mongo;

	Plans(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void ensureIndexes() {
		mongo.indexOps(Measure.class).createIndex(new Index().on("planId", Sort.Direction.ASC));
		mongo.indexOps(Measure.class).createIndex(new Index().on("municipality", Sort.Direction.ASC));
	}

	/** Plans whose import was completed, oldest period first per city. */
	public List<Plan> all() {
		return completed(mongo.find(Query.query(where("importComplete").is(true)), Plan.class));
	}

	static List<Plan> completed(List<Plan> plans) {
		return plans.stream()
			.filter(Plan::importComplete)
			.sorted(Comparator.comparing(Plan::municipality).thenComparing(p -> p.period().from()))
			.toList();
	}

	/** Every stored plan, also one whose import is being written. */
	List<Plan> stored() {
		return mongo.findAll(Plan.class);
	}

	public Optional<Plan> plan(String id) {
		return Optional.ofNullable(mongo.findById(id, Plan.class));
	}

	public List<Measure> measures() {
		return mongo.findAll(Measure.class).stream().sorted(DOCUMENT_ORDER).toList();
	}

	public List<Measure> measuresOf(String planId) {
		return mongo.find(Query.query(where("planId").is(planId)), Measure.class)
			.stream()
			.sorted(DOCUMENT_ORDER)
			.toList();
	}

	public Optional<Measure> measure(String id) {
		return Optional.ofNullable(mongo.findById(id, Measure.class));
	}

	/** The measure that holds a measure or item id. */
	public Optional<Measure> measureHolding(String ratedId) {
		Measure direct = mongo.findById(ratedId, Measure.class);
		if (direct != null) {
			return Optional.of(direct);
		}
		return Optional.ofNullable(mongo.findOne(Query.query(where("projects.items.id").is(ratedId)), Measure.class));
	}

	/**
	 * Replaces a measure unless its evaluations changed since it was read (an intake in between, on this or another
	 * instance); false when they did, and nothing is written.
	 */
	boolean replaceIfUnchanged(Measure read, Measure replacement) {
		Query unchanged = Query.query(where("_id").is(read.id())
			.and("evaluations").is(read.evaluations())
			.and("projects").is(read.projects()));
		return mongo.findAndReplace(unchanged, replacement) != null;
	}

	/**
	 * Writes the evaluations of a measure and of its items in one update of its document, which MongoDB applies
	 * atomically: a reader sees all of them or none.
	 */
	void writeEvaluations(Measure measure) {
		mongo.updateFirst(Query.query(where("_id").is(measure.id())),
				Update.update("evaluations", measure.evaluations()).set("projects", measure.projects()), Measure.class);
	}
}
