package jp.shisakunavi.search;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jp.shisakunavi.plan.Plan;

/**
 * Answers list questions (多治見市で評価がCの施策は？) with the complete list: every rated unit (a measure, or
 * the items of a measure that has them) of the city's plan that matches the rating (as of the fiscal year
 * asked about, or the latest), the department and the pillar.
 */
final class ListAnswers {

	private ListAnswers() {
	}

	static List<Hit> list(Understood understood, IndexSnapshot snapshot) {
		Understanding asked = understood.understanding();
		List<String> plans = plans(understood, snapshot);
		Set<String> rateItems = snapshot.units().stream()
			.filter(u -> u.type().equals(Unit.ITEM))
			.map(Unit::measureId)
			.collect(Collectors.toSet());
		// Measures are listed unless they are rated through items, which are listed instead.
		Predicate<Unit> matches = unit -> !unit.isFaq() && plans.contains(unit.planId())
				&& !rateItems.contains(unit.id())
				&& (asked.rating() == null || unit.hasRating(asked.rating(), asked.fiscalYear()))
				&& (asked.department() == null || unit.departments().contains(asked.department()))
				&& (asked.pillar() == null || asked.pillar().equals(unit.pillar()));
		return snapshot.units().stream().filter(matches).map(u -> u.hit(1, asked.fiscalYear())).toList();
	}

	/**
	 * The plans a list comes from: per city, the newest plan — or, when a fiscal year or a rating is asked
	 * about, the newest plan that covers that year and uses that rating symbol.
	 */
	private static List<String> plans(Understood understood, IndexSnapshot snapshot) {
		Understanding asked = understood.understanding();
		List<Catalog.City> cities = understood.city() != null ? List.of(understood.city())
				: snapshot.catalog().cities();
		return cities.stream().flatMap(city -> {
			List<Plan> fitting = city.plans().stream()
				.filter(p -> asked.fiscalYear() == null || p.period() == null
						|| p.period().from() <= asked.fiscalYear() && asked.fiscalYear() <= p.period().to())
				.filter(p -> asked.rating() == null || p.ratingScheme().find(asked.rating()).isPresent())
				.toList();
			return fitting.stream().limit(1);
		}).map(Plan::id).toList();
	}
}
