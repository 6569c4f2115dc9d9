package jp.shisakunavi.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import jp.shisakunavi.system.Sha256;

/**
 * Takes evaluations from administrators: validates the whole request, stores the ratings and records the rating
 * changes they make. Without transactions a request is made durable in steps that can be repeated: first it is
 * recorded whole (what it writes, the changes and the answer: {@link EvaluationRequest}), then each measure is
 * written — its changes recorded as not applied, its evaluations in one atomic update, its changes marked
 * applied — and the request marked done. A crash in between leaves the request not done, and it is finished by
 * {@link #finishInterrupted} (at the next start, and before anything else is taken in) with the same result.
 * <p>
 * A change's id is derived from the request (its change scope) and the unit, fiscal year and department, so a
 * repeated transition (A, B, A, B) is a new change each time, while finishing or redelivering the same request
 * records nothing twice.
 */
@Service
public class EvaluationIntake {

	/** The most rows one request may hold. */
	public static final int MAX_ROWS = 5000;

	private static final Logger log = LoggerFactory.getLogger(EvaluationIntake.class);
	private static final String PREVIEW = "preview";

	private final Plans plans;
	private final RatingChanges changes;
	private final EvaluationRequests requests;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	// Reading a measure and writing it back must not interleave with another intake in this process.
	private final ReentrantLock lock = new ReentrantLock();

	EvaluationIntake(Plans plans, RatingChanges changes, EvaluationRequests requests, ApplicationEventPublisher events,
			Clock clock) {
		this.plans = plans;
		this.changes = changes;
		this.requests = requests;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Validates every row, then stores them all.
	 * @param urgent the changes are to be delivered at once, outside the send window
	 * @param idempotencyKey the client's name for this request (null: none); a request sent again under the same
	 *        key gets the first answer and changes nothing
	 * @throws InvalidEvaluations with every row's problems, when any row is wrong; nothing is written then
	 * @throws ReusedIdempotencyKey when the key was given to a different request before
	 */
	public IntakeResult submit(List<EvaluationRow> rows, boolean urgent, String idempotencyKey) {
		List<ResolvedEvaluation> resolved = new EvaluationValidator(plans).validate(rows);
		String fingerprint = fingerprint(resolved, urgent);
		return exclusively(() -> {
			finishInterrupted(Duration.ZERO);
			if (idempotencyKey != null) {
				Optional<EvaluationRequest> earlier = requests.find(idempotencyKey);
				if (earlier.isPresent()) {
					if (!earlier.get().fingerprint().equals(fingerprint)) {
						throw new ReusedIdempotencyKey(idempotencyKey);
					}
					return earlier.get().result();
				}
			}
			String id = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
			return take(resolved, urgent, id, id, fingerprint);
		});
	}

	/**
	 * What {@link #submit} would do with these rows now, judged against the stored evaluations; nothing is written.
	 * The changes' ids are those of a preview, not of the request that will record them.
	 *
	 * @throws InvalidEvaluations with every row's problems, when any row is wrong
	 */
	public EvaluationPreview preview(List<EvaluationRow> rows) {
		List<ResolvedEvaluation> resolved = new EvaluationValidator(plans).validate(rows);
		EvaluationRequest request = exclusively(() -> prepare(resolved, false, PREVIEW, PREVIEW, fingerprint(resolved, false)));
		return new EvaluationPreview(request.result(), request.changes());
	}

	/**
	 * Records a request and applies it.
	 *
	 * @param changeScope what change ids are derived from besides the unit and year: the request's id, or for a
	 *        replay the plan, so that replaying again finds its changes recorded
	 */
	IntakeResult take(List<ResolvedEvaluation> evaluations, boolean urgent, String id, String changeScope,
			String fingerprint) {
		return exclusively(() -> {
			EvaluationRequest request = prepare(evaluations, urgent, id, changeScope, fingerprint);
			requests.record(request);
			finish(request);
			return request.result();
		});
	}

	/** Judges every evaluation against what is stored, without writing anything. */
	EvaluationRequest prepare(List<ResolvedEvaluation> evaluations, boolean urgent, String id,
			String changeScope, String fingerprint) {
		Map<String, List<ResolvedEvaluation>> byMeasure = new LinkedHashMap<>();
		evaluations.forEach(e -> byMeasure.computeIfAbsent(e.measureId(), m -> new ArrayList<>()).add(e));
		Map<String, Plan> plansRead = new HashMap<>();
		List<EvaluationRequest.Write> writes = new ArrayList<>();
		List<RatingChange> found = new ArrayList<>();
		int unchanged = 0;
		for (Map.Entry<String, List<ResolvedEvaluation>> entry : byMeasure.entrySet()) {
			Measure measure = plans.measure(entry.getKey())
				.orElseThrow(() -> new IllegalArgumentException("施策 " + entry.getKey() + " は削除されました"));
			Plan plan = plansRead.computeIfAbsent(measure.planId(), p -> plans.plan(p).orElseThrow());
			// Older years first, so that a request with several years of one unit compares each with the one before.
			List<ResolvedEvaluation> ordered = entry.getValue().stream()
				.sorted(Comparator.comparingInt(e -> e.evaluation().fiscalYear()))
				.toList();
			for (ResolvedEvaluation evaluation : ordered) {
				Rated unit = measure.ratedUnit(evaluation.unitId()).orElseThrow();
				ChangeRule.Outcome outcome = ChangeRule.judge(unit.evaluations(), evaluation.evaluation(),
						plan.ratingScheme());
				if (outcome.unchanged()) {
					unchanged++;
					continue;
				}
				Evaluation merged = merged(unit.evaluations(), evaluation.evaluation());
				measure = measure.withUnitEvaluations(unit.id(), replaced(unit.evaluations(), merged));
				writes.add(new EvaluationRequest.Write(measure.id(), unit.id(), merged));
				if (outcome.kind() != null) {
					found.add(change(changeScope, plan, measure, unit, evaluation, outcome, urgent));
				}
			}
		}
		Set<String> known = new HashSet<>();
		changes.find(found.stream().map(RatingChange::id).toList()).forEach(c -> known.add(c.id()));
		List<IntakeResult.DetectedChange> detected = found.stream()
			.map(c -> IntakeResult.DetectedChange.of(c, plansRead.get(c.planId()).title(), !known.contains(c.id())))
			.toList();
		IntakeResult result = new IntakeResult(evaluations.size(), writes.size(), unchanged, detected);
		return new EvaluationRequest(id, fingerprint, urgent, clock.instant(), writes, found, result, false);
	}

	/** Writes what a recorded request says, measure by measure; doing it again changes nothing more. */
	private void finish(EvaluationRequest request) {
		Map<String, List<EvaluationRequest.Write>> byMeasure = new LinkedHashMap<>();
		request.writes().forEach(w -> byMeasure.computeIfAbsent(w.measureId(), m -> new ArrayList<>()).add(w));
		Set<String> touched = new LinkedHashSet<>();
		List<String> applied = new ArrayList<>();
		for (Map.Entry<String, List<EvaluationRequest.Write>> entry : byMeasure.entrySet()) {
			Measure measure = plans.measure(entry.getKey()).orElse(null);
			if (measure == null) {
				log.warn("Skipped the evaluations of request {} for {}: the measure no longer exists", request.id(),
						entry.getKey());
				continue;
			}
			List<String> ids = new ArrayList<>();
			for (RatingChange change : request.changes()) {
				if (change.measureId().equals(measure.id())) {
					changes.recordPending(change);
					ids.add(change.id());
				}
			}
			for (EvaluationRequest.Write write : entry.getValue()) {
				Rated unit = measure.ratedUnit(write.unitId()).orElse(null);
				if (unit != null) {
					measure = measure.withUnitEvaluations(unit.id(), replaced(unit.evaluations(), write.evaluation()));
				}
			}
			plans.writeEvaluations(measure);
			applied.addAll(changes.markApplied(ids));
			touched.add(measure.planId());
		}
		requests.markDone(request.id());
		announce(touched, applied);
	}

	/**
	 * Finishes the requests that a crash interrupted.
	 *
	 * @param age only requests received at least this long ago (another instance may be writing younger ones)
	 */
	void finishInterrupted(Duration age) {
		exclusively(() -> {
			List<EvaluationRequest> unfinished = requests.unfinished(clock.instant().minus(age));
			unfinished.forEach(this::finish);
			if (!unfinished.isEmpty()) {
				log.warn("Finished {} evaluation request(s) that a crash had interrupted", unfinished.size());
			}
			return null;
		});
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

	static String fingerprint(List<ResolvedEvaluation> evaluations, boolean urgent) {
		return Sha256.hex(evaluations + "|urgent=" + urgent);
	}

	/** The incoming evaluation with the texts of the stored one of the same year it replaces, if any. */
	private static Evaluation merged(List<Evaluation> evaluations, Evaluation incoming) {
		for (Evaluation e : evaluations) {
			if (sameYear(e, incoming)) {
				return new Evaluation(e.fiscalYear(), incoming.rating(), e.department(),
						firstOf(incoming.mark(), e.mark()), firstOf(incoming.progress(), e.progress()),
						firstOf(incoming.nextPlan(), e.nextPlan()));
			}
		}
		return incoming;
	}

	/** The unit's evaluations with one replacing that of its year (and department), in fiscal-year order. */
	private static List<Evaluation> replaced(List<Evaluation> evaluations, Evaluation evaluation) {
		List<Evaluation> result = new ArrayList<>();
		for (Evaluation e : evaluations) {
			if (!sameYear(e, evaluation)) {
				result.add(e);
			}
		}
		result.add(evaluation);
		result.sort(Comparator.comparingInt(Evaluation::fiscalYear));
		return result;
	}

	private static boolean sameYear(Evaluation a, Evaluation b) {
		return a.fiscalYear() == b.fiscalYear() && Objects.equals(a.department(), b.department());
	}

	private static String firstOf(String preferred, String otherwise) {
		return preferred != null ? preferred : otherwise;
	}

	private RatingChange change(String changeScope, Plan plan, Measure measure, Rated unit,
			ResolvedEvaluation evaluation, ChangeRule.Outcome outcome, boolean urgent) {
		Evaluation incoming = evaluation.evaluation();
		String old = outcome.oldRating();
		return new RatingChange(ChangeRule.changeId(changeScope, unit.id(), incoming.fiscalYear(), incoming.department()),
				outcome.kind(), plan.id(), plan.municipality(), measure.pillarNumber(), measure.id(), measure.title(),
				unit.id(), unit.title(), measure.departmentsOf(unit.id()), incoming.department(),
				incoming.fiscalYear(), old, meaning(plan, old), incoming.rating(), meaning(plan, incoming.rating()),
				evaluation.comment(), urgent, clock.instant(), false, null);
	}

	private static String meaning(Plan plan, String symbol) {
		return symbol == null ? null : plan.ratingScheme().find(symbol).map(RatingSymbol::meaning).orElse(null);
	}
}
