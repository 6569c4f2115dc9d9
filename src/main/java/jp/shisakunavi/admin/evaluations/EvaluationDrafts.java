package jp.shisakunavi.admin.evaluations;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.IntakeResult;

/**
 * The drafts of evaluation imports, in MongoDB so that a confirmation finds its draft on any instance. A draft is
 * claimed by one confirmation at a time (a second click while the first applies it does not apply it again); a
 * claim left by a crash may be taken again after {@link #STALE_CLAIM} (the intake's idempotency key keeps that
 * safe). Drafts older than a day are removed when the next one is stored.
 */
@Component
class EvaluationDrafts {

	static final Duration STALE_CLAIM = Duration.ofMinutes(2);
	static final Duration KEPT = Duration.ofDays(1);

	private final MongoTemplate mongo;
	private final Clock clock;

	EvaluationDrafts(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	EvaluationDraft store(EvaluationDraft draft) {
		mongo.remove(Query.query(where("createdAt").lt(clock.instant().minus(KEPT))), EvaluationDraft.class);
		return mongo.insert(draft);
	}

	Optional<EvaluationDraft> find(String id) {
		return Optional.ofNullable(mongo.findById(id, EvaluationDraft.class));
	}

	/** Takes the draft for applying it; empty when it is applied or another confirmation is applying it. */
	Optional<EvaluationDraft> claim(String id) {
		Instant now = clock.instant();
		Criteria open = new Criteria().orOperator(where("state").is(EvaluationDraft.State.PREVIEWED),
				where("state").is(EvaluationDraft.State.APPLYING).and("claimedAt").lt(now.minus(STALE_CLAIM)));
		return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id").is(id)).addCriteria(open),
				Update.update("state", EvaluationDraft.State.APPLYING).set("claimedAt", now),
				FindAndModifyOptions.options().returnNew(true), EvaluationDraft.class));
	}

	/** Gives a claimed draft back with what its rows would do now, to be confirmed again. */
	EvaluationDraft previewedAgain(EvaluationDraft draft, IntakeResult preview) {
		mongo.updateFirst(Query.query(where("_id").is(draft.id())), released().set("preview", preview),
				EvaluationDraft.class);
		return find(draft.id()).orElseThrow();
	}

	/** Gives a claimed draft back unapplied (its rows cannot be taken now). */
	void release(EvaluationDraft draft) {
		mongo.updateFirst(Query.query(where("_id").is(draft.id())), released(), EvaluationDraft.class);
	}

	private static Update released() {
		return Update.update("state", EvaluationDraft.State.PREVIEWED).unset("claimedAt");
	}

	void applied(EvaluationDraft draft, IntakeResult result) {
		mongo.updateFirst(Query.query(where("_id").is(draft.id())),
				Update.update("state", EvaluationDraft.State.APPLIED).set("result", result), EvaluationDraft.class);
	}
}
