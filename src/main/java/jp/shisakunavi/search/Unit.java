package jp.shisakunavi.search;

import java.util.List;

import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingState;

/**
 * One answerable thing in the index: a measure, an item (茅ヶ崎市's 細目) or a FAQ entry, with what results and
 * lists need to describe it.
 *
 * @param municipality null for FAQ entries that hold for every city
 * @param everyCity a FAQ entry of {@code municipality} that answers for every city too (a term it defines)
 * @param newestPlan whether the unit belongs to the newest plan of its city (FAQ entries count as newest)
 * @param title what the unit is called (a FAQ entry's question)
 * @param alternates other ways of asking for a FAQ entry, or for a measure or item ({@link UnitPhrasings})
 * @param evaluations empty for FAQ entries and for measures rated through their items
 * @param tags a FAQ entry's tags (用語 for a glossary entry); empty for measures and items
 * @param container whether the unit is a measure rated through its items (茅ヶ崎市)
 * @param successor the id of the unit of the city's newest plan that continues this one of an earlier plan
 *        (the same title), or null
 * @param text what a card may quote from it: the latest progress, the descriptive sections and the schedule
 */
record Unit(String type, String id, String measureId, String municipality, boolean everyCity, String planId,
		String planTitle, boolean newestPlan, String pillar, String title, List<String> alternates, String body,
		List<String> departments, List<Evaluation> evaluations, RatingScheme scheme, Period period, List<String> tags,
		boolean container, String successor, String text) {

	static final String GLOSSARY_TAG = "用語";
	/** Tags of FAQ entries that quote the plan's background: its chapters on policy and trends, the surveys. */
	static final List<String> BACKGROUND_TAGS = List.of("計画", "調査");

	/** The fiscal years of the unit's plan; null for FAQ entries. */
	record Period(int from, int to) {

		boolean covers(int fiscalYear) {
			return from <= fiscalYear && fiscalYear <= to;
		}
	}

	static final String MEASURE = "measure";
	static final String ITEM = "item";
	static final String FAQ = "faq";

	/** The title and its alternates: every way the unit is named. */
	String titles() {
		return alternates.isEmpty() ? title : title + "\n" + String.join("\n", alternates);
	}

	boolean isFaq() {
		return FAQ.equals(type);
	}

	boolean isGlossary() {
		return isFaq() && tags.contains(GLOSSARY_TAG);
	}

	boolean isBackground() {
		return isFaq() && tags.stream().anyMatch(BACKGROUND_TAGS::contains);
	}

	boolean isContainer() {
		return container;
	}

	Unit withSuccessor(String id) {
		return new Unit(type, this.id, measureId, municipality, everyCity, planId, planTitle, newestPlan, pillar, title,
				alternates, body, departments, evaluations, scheme, period, tags, container, id, text);
	}

	/** The evaluations of the newest fiscal year up to {@code asOf} (null: the latest). */
	List<Evaluation> evaluationsAsOf(Integer asOf) {
		int limit = asOf == null ? Integer.MAX_VALUE : asOf;
		int year = evaluations.stream().mapToInt(Evaluation::fiscalYear).filter(y -> y <= limit).max().orElse(-1);
		return evaluations.stream().filter(e -> e.fiscalYear() == year).toList();
	}

	boolean hasRating(String symbol, Integer asOf) {
		return evaluationsAsOf(asOf).stream().anyMatch(e -> symbol.equals(e.rating()));
	}

	/** Whether the rating as of the fiscal year means this state in the unit's legend (○ = completed). */
	boolean hasState(RatingState state, Integer asOf) {
		return scheme != null && evaluationsAsOf(asOf).stream()
			.anyMatch(e -> scheme.find(e.rating()).map(s -> s.state() == state).orElse(false));
	}

	Hit hit(double score, Integer asOf) {
		return hit(score, asOf, null);
	}

	Hit hit(double score, Integer asOf, String excerpt) {
		List<Evaluation> rated = evaluationsAsOf(asOf);
		String rating = rated.isEmpty() ? null
				: String.join("/", rated.stream().map(Evaluation::rating).distinct().toList());
		Integer fiscalYear = rated.isEmpty() ? null : rated.getFirst().fiscalYear();
		return new Hit(type, id, measureId, municipality, planId, planTitle, title, rating, fiscalYear,
				Math.round(score * 1000) / 1000.0, excerpt);
	}
}
