package jp.shisakunavi.plan;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open-data API: read-only, no login, field names in English and values as the documents write them. */
@RestController
@RequestMapping("/api")
class PlanController {

	private static final int MAX_PARAMETER_LENGTH = 200;

	private final PlanQueries queries;
	private final Plans plans;

	PlanController(PlanQueries queries, Plans plans) {
		this.queries = queries;
		this.plans = plans;
	}

	@GetMapping("/plans")
	List<PlanOverview> plans() {
		return queries.plansOf(null, null).stream()
			.map(plan -> PlanOverview.of(plan, plans.measuresOf(plan.id())))
			.toList();
	}

	@GetMapping("/measures")
	List<Measure> measures(@RequestParam(required = false) String municipality,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String fiscalYear,
			@RequestParam(required = false) String department, @RequestParam(required = false) String rating) {
		return queries.measures(new PlanQueries.MeasureFilter(text("municipality", municipality), text("plan", plan),
				year(fiscalYear), text("department", department), text("rating", rating)));
	}

	@GetMapping("/ratings/summary")
	List<RatingSummary> ratingSummary(@RequestParam(required = false) String municipality,
			@RequestParam(required = false) String fiscalYear) {
		return queries.ratingSummaries(text("municipality", municipality), year(fiscalYear));
	}

	private static Integer year(String value) {
		String text = text("fiscalYear", value);
		return text == null ? null : FiscalYear.parse(text);
	}

	private static String text(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_PARAMETER_LENGTH) {
			throw new IllegalArgumentException("Parameter '" + name + "' is longer than " + MAX_PARAMETER_LENGTH
					+ " characters");
		}
		return value.strip();
	}

	/** A plan as listed by {@code GET /api/plans}. */
	record PlanOverview(String id, String municipality, String prefecture, String title, Plan.Period period,
			Plan.Source source, String pillarLabel, String measureLabel, List<Pillar> pillars,
			List<RatingSymbol> ratingScheme, int measures, int items) {

		static PlanOverview of(Plan plan, List<Measure> measures) {
			return new PlanOverview(plan.id(), plan.municipality(), plan.prefecture(), plan.title(), plan.period(),
					plan.source(), plan.pillarLabel(), plan.measureLabel(), plan.pillars(),
					plan.ratingScheme().symbols(), measures.size(),
					(int) measures.stream().flatMap(Measure::items).count());
		}
	}
}
