package jp.shisakunavi.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Takes evaluations from administrators: validates the whole request, stores the ratings and records the rating
 * changes they make. Without transactions a measure is written in idempotent steps: its changes recorded as not
 * applied, the measure's evaluations written in one atomic update, the changes marked applied. A crash in between
 * leaves changes not applied, which {@link #repairPending} finishes before anything else is taken in.
 */
@Service
public class EvaluationIntake {

	private static final Logger log = LoggerFactory.getLogger(EvaluationIntake.class);

	private final Plans plans;
	private final RatingChanges changes;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	// Reading a measure and writing it back must not interleave with another intake in this process.
	private final ReentrantLock lock = new ReentrantLock();

	EvaluationIntake(Plans plans, RatingChanges changes, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.changes = changes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Validates every row, then stores them all.
	 * @param urgent the changes are to be delivered at once, outside the send window
	 * @throws InvalidEvaluations with every row's problems, when any row is wrong; nothing is written then
	 */
	public IntakeResult submit(List<EvaluationRow> rows, boolean urgent) {
		List<ResolvedEvaluation> resolved = new EvaluationValidator(plans).validate(rows);
		return apply(resolved, urgent);
	}

	IntakeResult apply(List<ResolvedEvaluation> evaluations, boolean urgent) {
		return exclusively(() -> {
			repairPending(Duration.ZERO);
			Map<String, List<ResolvedEvaluation>> byMeasure = new LinkedHashMap<>();
			evaluations.forEach(e -> byMeasure.computeIfAbsent(e.measureId(), id -> new ArrayList<>()).add(e));
			Tally tally = new Tally();
			byMeasure.forEach((measureId, ofMeasure) -> applyToMeasure(measureId, ofMeasure, urgent, tally));
			announce(tally.plans, tally.applied);
			return new IntakeResult(evaluations.size(), tally.written, tally.unchanged, tally.detected);
		});
	}

	private void applyToMeasure(String measureId, List<ResolvedEvaluation> evaluations, boolean urgent, Tally tally) {
		Measure measure = plans.measure(measureId)
			.orElseThrow(() -> new IllegalArgumentException("施策 " + measureId + " は削除されました"));
		// The measure is read again under the lock; its plan, once per request.
		Plan plan = tally.plansRead.computeIfAbsent(measure.planId(), id -> plans.plan(id).orElseThrow());
		List<RatingChange> found = new ArrayList<>();
		int written = 0;
		// Older years first, so that a request with several years of one unit compares each with the one before.
		List<ResolvedEvaluation> ordered = evaluations.stream()
			.sorted(Comparator.comparingInt(e -> e.evaluation().fiscalYear()))
			.toList();
		for (ResolvedEvaluation evaluation : ordered) {
			Rated unit = measure.ratedUnit(evaluation.unitId()).orElseThrow();
			ChangeRule.Outcome outcome = ChangeRule.judge(unit.evaluations(), evaluation.evaluation(),
					plan.ratingScheme());
			if (outcome.unchanged()) {
				tally.unchanged++;
				continue;
			}
			measure = measure.withUnitEvaluations(unit.id(), stored(unit.evaluations(), evaluation.evaluation()));
			written++;
			if (outcome.kind() != null) {
				found.add(change(plan, measure, unit, evaluation, outcome, urgent));
			}
		}
		if (written == 0) {
			return;
		}
		List<String> ids = new ArrayList<>();
		List<Boolean> recorded = new ArrayList<>();
		for (RatingChange change : found) {
			ids.add(change.id());
			recorded.add(changes.recordPending(change));
		}
		plans.writeEvaluations(measure);
		tally.applied.addAll(changes.markApplied(ids));
		tally.written += written;
		tally.plans.add(plan.id());
		for (int i = 0; i < found.size(); i++) {
			tally.detected.add(IntakeResult.DetectedChange.of(found.get(i), plan.title(), recorded.get(i)));
		}
	}

	/**
	 * Finishes the writes that a crash interrupted: a change recorded but not applied is applied when its
	 * measure already holds the new rating, and otherwise written first.
	 *
	 * @param age only changes recorded at least this long ago (another instance may be writing younger ones)
	 */
	void repairPending(Duration age) {
		exclusively(() -> {
			Set<String> touched = new LinkedHashSet<>();
			List<String> applied = new ArrayList<>();
			for (RatingChange change : changes.pending(clock.instant().minus(age))) {
				if (repair(change)) {
					touched.add(change.planId());
					applied.addAll(changes.markApplied(List.of(change.id())));
				}
			}
			if (!applied.isEmpty()) {
				log.warn("Finished {} rating changes that an interrupted intake had left unapplied", applied.size());
			}
			announce(touched, applied);
			return null;
		});
	}

	private boolean repair(RatingChange change) {
		Measure measure = plans.measure(change.measureId()).orElse(null);
		Rated unit = measure == null ? null : measure.ratedUnit(change.unitId()).orElse(null);
		if (unit == null) {
			log.warn("Dropped the unapplied rating change {}: {} no longer exists", change.id(), change.unitId());
			changes.forget(change.id());
			return false;
		}
		boolean written = unit.evaluations().stream()
			.anyMatch(e -> e.fiscalYear() == change.fiscalYear() && Objects.equals(e.department(), change.department())
					&& e.rating().equals(change.newRating()));
		if (!written) {
			Evaluation evaluation = new Evaluation(change.fiscalYear(), change.newRating(), change.department(), null,
					null, null);
			plans.writeEvaluations(measure.withUnitEvaluations(unit.id(), stored(unit.evaluations(), evaluation)));
		}
		return true;
	}

	/** Runs work that reads and writes evaluations, one at a time in this process. */
	<T> T exclusively(Supplier<T> work) {
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	void announce(Set<String> planIds, List<String> changeIds) {
		planIds.forEach(id -> events.publishEvent(new PlanDataChanged(id)));
		if (!changeIds.isEmpty()) {
			events.publishEvent(new RatingsChanged(List.copyOf(changeIds)));
		}
	}

	/** The unit's evaluations with one stored: replacing that year's (keeping its texts), in fiscal-year order. */
	private static List<Evaluation> stored(List<Evaluation> evaluations, Evaluation incoming) {
		List<Evaluation> result = new ArrayList<>();
		Evaluation merged = incoming;
		for (Evaluation e : evaluations) {
			if (e.fiscalYear() == incoming.fiscalYear() && Objects.equals(e.department(), incoming.department())) {
				merged = new Evaluation(e.fiscalYear(), incoming.rating(), e.department(),
						firstOf(incoming.mark(), e.mark()), firstOf(incoming.progress(), e.progress()),
						firstOf(incoming.nextPlan(), e.nextPlan()));
			}
			else {
				result.add(e);
			}
		}
		result.add(merged);
		result.sort(Comparator.comparingInt(Evaluation::fiscalYear));
		return result;
	}

	private static String firstOf(String preferred, String otherwise) {
		return preferred != null ? preferred : otherwise;
	}

	private RatingChange change(Plan plan, Measure measure, Rated unit, ResolvedEvaluation evaluation,
			ChangeRule.Outcome outcome, boolean urgent) {
		Evaluation incoming = evaluation.evaluation();
		String old = outcome.oldRating();
		return new RatingChange(
				ChangeRule.changeId(unit.id(), incoming.fiscalYear(), incoming.department(), old, incoming.rating()),
				outcome.kind(), plan.id(), plan.municipality(), measure.pillarNumber(), measure.id(), measure.title(),
				unit.id(), unit.title(), measure.departmentsOf(unit.id()), incoming.department(),
				incoming.fiscalYear(), old, meaning(plan, old), incoming.rating(), meaning(plan, incoming.rating()),
				evaluation.comment(), urgent, clock.instant(), false, null);
	}

	private static String meaning(Plan plan, String symbol) {
		return symbol == null ? null : plan.ratingScheme().find(symbol).map(RatingSymbol::meaning).orElse(null);
	}

	/** What the intake of one request did so far. */
	private static final class Tally {
		int written;
		int unchanged;
		final List<IntakeResult.DetectedChange> detected = new ArrayList<>();
		final List<String> applied = new ArrayList<>();
		final Set<String> plans = new LinkedHashSet<>();
		final Map<String, Plan> plansRead = new HashMap<>();
	}
}
