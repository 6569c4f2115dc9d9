package jp.shisakunavi.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

/** Answers the open-data questions: which plans, which measures match a filter, how ratings add up. */
@Service
public class PlanQueries {

	private final Plans plans;

	PlanQueries(Plans plans) {
		this.plans = plans;
	}

	/**
	 * Measures matching every given filter (null = no filter). With a rating, only the rated units (items)
	 * that carry it as of the fiscal year (or in their latest evaluation) are kept.
	 */
	public List<Measure> measures(MeasureFilter filter) {
		List<Plan> selected = plansOf(filter.municipality(), filter.plan());
		return selected.stream()
			.flatMap(plan -> plans.measuresOf(plan.id()).stream())
			.filter(m -> filter.department() == null
					|| m.departmentNames().anyMatch(name -> name.contains(filter.department())))
			.map(m -> filter.fiscalYear() == null ? m : restrictToYear(m, filter.fiscalYear()))
			.flatMap(m -> filter.rating() == null ? Stream.of(m) : withRating(m, filter).stream())
			.toList();
	}

	public List<RatingSummary> ratingSummaries(String municipality, Integer fiscalYear) {
		return plansOf(municipality, null).stream()
			.filter(plan -> !plan.ratingScheme().isEmpty())
			.map(plan -> {
				List<Measure> measures = plans.measuresOf(plan.id());
				int year = fiscalYear != null ? fiscalYear : latestYear(measures);
				return RatingSummary.of(plan, measures, year);
			})
			.toList();
	}

	public List<Plan> plansOf(String municipality, String planId) {
		return plans.all().stream()
			.filter(p -> municipality == null || MunicipalityName.matches(municipality, p.municipality(), p.municipalityKana()))
			.filter(p -> planId == null || p.id().equals(planId))
			.toList();
	}

	private static int latestYear(List<Measure> measures) {
		return measures.stream()
			.flatMap(Measure::ratedUnits)
			.flatMap(r -> r.evaluations().stream())
			.mapToInt(Evaluation::fiscalYear)
			.max()
			.orElse(0);
	}

	/** Keeps the evaluations and schedule of one fiscal year. */
	private static Measure restrictToYear(Measure measure, int year) {
		Predicate<Evaluation> inYear = e -> e.fiscalYear() == year;
		List<Project> projects = measure.projects().stream()
			.map(p -> new Project(p.number(), p.title(), p.departments(), p.items().stream()
				.map(i -> new Item(i.id(), i.number(), i.title(), i.departments(), i.sections(),
						i.evaluations().stream().filter(inYear).toList()))
				.toList()))
			.toList();
		return measure.withEvaluations(measure.evaluations().stream().filter(inYear).toList()).withProjects(projects);
	}

	private static Optional<Measure> withRating(Measure measure, MeasureFilter filter) {
		int asOf = filter.fiscalYear() != null ? filter.fiscalYear() : Integer.MAX_VALUE;
		Predicate<Rated> rated = unit -> unit.evaluationsAsOf(asOf).stream()
			.anyMatch(e -> e.rating().equals(filter.rating()));
		if (measure.projects().isEmpty()) {
			return rated.test(measure) ? Optional.of(measure) : Optional.empty();
		}
		List<Project> projects = measure.projects().stream()
			.map(p -> new Project(p.number(), p.title(), p.departments(), p.items().stream().filter(rated::test).toList()))
			.filter(p -> !p.items().isEmpty())
			.toList();
		return projects.isEmpty() ? Optional.empty() : Optional.of(measure.withProjects(projects));
	}

	/** What {@code GET /api/measures} filters by; null means any. */
	public record MeasureFilter(String municipality, String plan, Integer fiscalYear, String department,
			String rating) {
	}
}
