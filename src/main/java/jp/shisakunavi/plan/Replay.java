package jp.shisakunavi.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Replays the history of a built-in plan year by year, for demonstrations: the plan's evaluations are reset to
 * where its history starts (written without recording changes), then each following fiscal year goes through
 * the intake, so the changes are recorded and notified as if the city had entered them one year at a time.
 * <p>
 * The history starts at the first fiscal year that rates every unit (茅ヶ崎市: H30 for all 83 items). A plan that
 * has no such year (多治見市 第4次 rates each measure once: four finished in FY2021, the others in FY2022)
 * starts without ratings, and every year is replayed. Change ids are derived from the plan (not from each
 * replay), so a second replay finds the same changes already recorded and records none.
 */
@Service
public class Replay {

	private final Plans plans;
	private final PlanImporter importer;
	private final EvaluationIntake intake;

	Replay(Plans plans, PlanImporter importer, EvaluationIntake intake) {
		this.plans = plans;
		this.importer = importer;
		this.intake = intake;
	}

	/** @throws IllegalArgumentException when the plan is unknown, not built in, or has no ratings */
	public ReplayResult replay(String planId) {
		Plan plan = plans.plan(planId).filter(Plan::importComplete)
			.orElseThrow(() -> new IllegalArgumentException("計画「" + planId + "」はありません"));
		if (plan.ratingScheme().isEmpty()) {
			throw new IllegalArgumentException(plan.title() + "には評価がないため、再生できません");
		}
		List<Measure> seed = seedMeasures(planId);
		List<Integer> years = seed.stream().flatMap(Measure::ratedUnits).flatMap(u -> u.evaluations().stream())
			.map(Evaluation::fiscalYear).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
		Integer start = years.stream()
			.filter(year -> seed.stream().flatMap(Measure::ratedUnits)
				.allMatch(u -> u.evaluations().stream().anyMatch(e -> e.fiscalYear() == year)))
			.findFirst()
			.orElse(null);
		return intake.exclusively(() -> {
			intake.finishInterrupted(Duration.ZERO);
			reset(seed, start);
			intake.announce(Set.of(planId), List.of());
			List<ReplayResult.Year> replayed = new ArrayList<>();
			for (int year : years) {
				if (start == null || year > start) {
					List<ResolvedEvaluation> evaluations = evaluationsOf(seed, year);
					IntakeResult result = intake.take(evaluations, false, UUID.randomUUID().toString(),
							"replay:" + planId, EvaluationIntake.fingerprint(evaluations, false));
					replayed.add(new ReplayResult.Year(year, FiscalYear.format(year), result));
				}
			}
			return new ReplayResult(planId, start, start == null ? null : FiscalYear.format(start), replayed);
		});
	}

	private List<Measure> seedMeasures(String planId) {
		ClassPathResource file = new ClassPathResource("plans/" + planId + ".yaml");
		if (!file.exists()) {
			throw new IllegalArgumentException("計画「" + planId + "」は組み込みデータにないため、再生できません");
		}
		try (InputStream in = file.getInputStream()) {
			return importer.validate("plans/" + planId + ".yaml", in.readAllBytes()).plan().measures();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Each stored unit of the plan gets the seed's evaluations up to the start (none when there is no start). */
	private void reset(List<Measure> seed, Integer start) {
		Map<String, Measure> stored = plans.measuresOf(seed.getFirst().planId()).stream()
			.collect(Collectors.toMap(Measure::id, Function.identity()));
		for (Measure measure : seed) {
			Measure current = stored.get(measure.id());
			if (current == null) {
				continue;
			}
			for (Rated unit : measure.ratedUnits().toList()) {
				if (current.ratedUnit(unit.id()).isPresent()) {
					current = current.withUnitEvaluations(unit.id(), unit.evaluations().stream()
						.filter(e -> start != null && e.fiscalYear() <= start)
						.toList());
				}
			}
			plans.writeEvaluations(current);
		}
	}

	/** The seed's evaluations of one fiscal year, with their texts and marks, as the intake takes them. */
	private static List<ResolvedEvaluation> evaluationsOf(List<Measure> seed, int year) {
		List<ResolvedEvaluation> result = new ArrayList<>();
		for (Measure measure : seed) {
			measure.ratedUnits().forEach(unit -> unit.evaluations().stream()
				.filter(e -> e.fiscalYear() == year)
				.forEach(e -> result.add(new ResolvedEvaluation(result.size() + 1, measure.id(),
						unit.id(), e, null))));
		}
		return result;
	}
}
