package jp.shisakunavi.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rated units of a plan carry each symbol of its legend as of a fiscal year, overall and per pillar:
 * the table the plan documents print. A unit rated per department counts once per department.
 *
 * @param units measures (or items, where a measure has items) counted
 * @param counts per symbol, in the legend's order, zeros included
 */
public record RatingSummary(String planId, String municipality, String planTitle, int fiscalYear, int units,
		Map<String, Integer> counts, List<PillarSummary> pillars) {

	public record PillarSummary(String number, String title, int units, Map<String, Integer> counts) {
	}

	/** Counts the latest evaluations up to {@code fiscalYear} of the given plan's measures. */
	static RatingSummary of(Plan plan, List<Measure> measures, int fiscalYear) {
		Tally total = new Tally(plan.ratingScheme());
		List<PillarSummary> pillars = plan.pillars().stream().map(pillar -> {
			Tally tally = new Tally(plan.ratingScheme());
			measures.stream()
				.filter(m -> pillar.number().equals(m.pillarNumber()))
				.flatMap(Measure::ratedUnits)
				.forEach(unit -> {
					tally.add(unit, fiscalYear);
					total.add(unit, fiscalYear);
				});
			return new PillarSummary(pillar.number(), pillar.title(), tally.units, tally.counts);
		}).toList();
		return new RatingSummary(plan.id(), plan.municipality(), plan.title(), fiscalYear, total.units, total.counts,
				pillars);
	}

	private static final class Tally {

		private final Map<String, Integer> counts = new LinkedHashMap<>();
		private int units;

		Tally(RatingScheme scheme) {
			scheme.symbols().forEach(s -> counts.put(s.symbol(), 0));
		}

		void add(Rated unit, int fiscalYear) {
			units++;
			unit.evaluationsAsOf(fiscalYear).forEach(e -> counts.merge(e.rating(), 1, Integer::sum));
		}
	}
}
