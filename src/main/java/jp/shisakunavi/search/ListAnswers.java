package jp.shisakunavi.search;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.RatingState;

/**
 * Answers list questions (多治見市で評価がCの施策は？) with the complete list: every rated unit (a measure, or
 * the items of a measure that has them) of the city's plan that matches the rating or the state (完了, 廃止) as of
 * the fiscal year asked about, or the latest, the department and the pillar.
 */
final class ListAnswers {

	private ListAnswers() {
	}

	static List<Hit> list(Understood understood, IndexSnapshot snapshot) {
		Understanding asked = understood.understanding();
		Set<String> rateItems = snapshot.units().stream()
			.filter(u -> u.type().equals(Unit.ITEM))
			.map(Unit::measureId)
			.collect(Collectors.toSet());
		// Measures are listed unless they are rated through items, which are listed instead.
		Predicate<Unit> listed = unit -> !unit.isFaq() && !rateItems.contains(unit.id());
		Predicate<Unit> matches = listed
			.and(unit -> asked.rating() == null || unit.hasRating(asked.rating(), asked.fiscalYear()))
			.and(unit -> understood.state() == null || unit.hasState(understood.state(), asked.fiscalYear()))
			.and(unit -> asked.department() == null || unit.departments().stream()
				.anyMatch(d -> Departments.same(d, asked.department())))
			.and(unit -> asked.pillar() == null || asked.pillar().equals(unit.pillar()));
		List<String> plans = plans(understood, snapshot, listed.and(unit -> asked.department() == null
				|| unit.departments().stream().anyMatch(d -> Departments.same(d, asked.department()))));
		return snapshot.units().stream()
			.filter(unit -> plans.contains(unit.planId()))
			.filter(matches)
			.map(u -> u.hit(1, asked.fiscalYear()))
			.toList();
	}

	/**
	 * The plans a list comes from: per city, the plan named, else the newest plan — or, when a fiscal year, a
	 * rating or a state is asked about, the newest plan that covers that year and uses that symbol or state,
	 * and when a department is asked about, the newest that names it (多治見市 第4次 names none).
	 */
	private static List<String> plans(Understood understood, IndexSnapshot snapshot, Predicate<Unit> inPlan) {
		Understanding asked = understood.understanding();
		List<Catalog.City> cities = understood.city() != null ? List.of(understood.city())
				: snapshot.catalog().cities();
		return cities.stream().flatMap(city -> {
			List<Plan> fitting = city.plans().stream()
				.filter(p -> asked.plan() == null || p.id().equals(asked.plan()))
				.filter(p -> asked.fiscalYear() == null || p.period() == null
						|| p.period().from() <= asked.fiscalYear() && asked.fiscalYear() <= p.period().to())
				.filter(p -> asked.rating() == null || p.ratingScheme().find(asked.rating()).isPresent())
				.filter(p -> understood.state() == null || uses(p, understood.state()))
				.filter(p -> snapshot.units().stream().anyMatch(u -> p.id().equals(u.planId()) && inPlan.test(u)))
				.toList();
			return fitting.stream().limit(1);
		}).map(Plan::id).toList();
	}

	private static boolean uses(Plan plan, RatingState state) {
		return plan.ratingScheme().symbols().stream().anyMatch(s -> s.state() == state);
	}
}
