package jp.shisakunavi.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import jp.shisakunavi.plan.Plan;

/**
 * Finds the measure, item or FAQ entry that answers a question, the complete list for list questions, or says
 * honestly that nothing matches well enough (confidence below {@code shisaku.search.threshold}).
 */
@Service
public class Search {

	private static final int MAX_SUGGESTIONS = 3;
	private static final double SUGGESTION_FLOOR = 0.25;
	/** Candidates offered when asking back (LINE shows them as quick replies). */
	private static final int MAX_ASKED = 4;
	private static final Pattern POLICY = Pattern.compile("方針|目的|理念|目指");
	/** Two candidates this close are a toss-up: the bot asks instead of choosing... */
	private static final double CLOSE = 0.02;
	/** ...unless the first is this confident. */
	private static final double CLOSE_BELOW = 0.65;
	/** A first candidate this far ahead of the second is answered up to {@link #AHEAD_BELOW} under the threshold. */
	private static final double AHEAD = 0.15;
	private static final double AHEAD_BELOW = 0.06;

	private final Supplier<IndexSnapshot> index;
	private final double threshold;
	private final double askFloor;
	private final MeterRegistry meters;

	@Autowired
	Search(SearchIndex index, @Value("${shisaku.search.threshold:0.5}") double threshold,
			@Value("${shisaku.search.ask-back:0.35}") double askFloor, MeterRegistry meters) {
		this(index::snapshot, threshold, askFloor, meters);
	}

	/** A search of its own, counted nowhere (tests, benchmarks, evaluation). */
	Search(Supplier<IndexSnapshot> index, double threshold, double askFloor) {
		this(index, threshold, askFloor, new SimpleMeterRegistry());
	}

	private Search(Supplier<IndexSnapshot> index, double threshold, double askFloor, MeterRegistry meters) {
		if (threshold < 0 || threshold > 1) {
			throw new IllegalArgumentException("shisaku.search.threshold must be between 0 and 1, not " + threshold);
		}
		if (askFloor < 0 || askFloor > threshold) {
			throw new IllegalArgumentException("shisaku.search.ask-back must be between 0 and the threshold ("
					+ threshold + "), not " + askFloor);
		}
		this.index = index;
		this.threshold = threshold;
		this.askFloor = askFloor;
		this.meters = meters;
	}

	public Answer answer(Question question) {
		String text = QuestionText.clean(question.text());
		IndexSnapshot snapshot = index.get();
		Understood understood = QueryUnderstanding.understand(text, question.municipality(), snapshot);
		Understanding understanding = understood.understanding();
		return switch (understood.intent()) {
			case GREETING, THANKS, HELP -> new Answer(text, understood.intent(), true, false, understanding, List.of(),
					List.of(), List.of());
			case LIST -> new Answer(text, Intent.LIST, true, false, understanding, ListAnswers.list(understood, snapshot),
					List.of(), List.of());
			case RATING_MEANING -> new Answer(text, Intent.RATING_MEANING, true, false, understanding, List.of(),
					List.of(), meanings(understood, snapshot));
			case OUT_OF_SCOPE -> aboutPlan(text, understood, snapshot)
				.map(entry -> new Answer(text, Intent.STATUS, true, false, understanding, List.of(entry.hit(1, null)),
						List.of(), List.of()))
				.orElseGet(() -> unknown(text, understanding, List.of()));
			default -> counted(ranked(text, understood, snapshot, Math.max(1, question.limit())));
		};
	}

	/**
	 * How the search reads a question, for comparing questions with each other (the review of unanswered
	 * questions groups by it): the text normalized as the index normalizes it, and the words that say what the
	 * question is about, without the city, rating, year and question words it recognised.
	 */
	public QuestionTerms terms(String text, String municipality) {
		String clean = QuestionText.clean(text);
		Understood understood = QueryUnderstanding.understand(clean, municipality, index.get());
		return new QuestionTerms(JapaneseAnalysis.normalize(clean).replaceAll("[\\s?!。、.,]+", ""),
				understood.contentTokens().stream().map(JapaneseAnalysis::normalize).distinct().sorted().toList());
	}

	/** Counts the share of "I don't know" answers, for operators. */
	private Answer counted(Answer answer) {
		meters.counter("shisaku.answers", "outcome", answer.answered() ? "answered" : "unknown").increment();
		return answer;
	}

	/**
	 * The best candidates, answered when the first is confident; asked back when it is not but is plausible,
	 * or when another is as good; else "I don't know" with near misses — none for a question about something
	 * the plans do not cover (ごみ, 天気).
	 */
	private Answer ranked(String text, Understood understood, IndexSnapshot snapshot, int limit) {
		List<RankedSearch.Scored> scored = RankedSearch.search(text, understood, snapshot);
		Integer asOf = understood.understanding().fiscalYear();
		Function<RankedSearch.Scored, Hit> hit = s -> s.unit().hit(s.confidence(), asOf,
				Excerpt.of(s.unit(), understood.words(), understood.intent()));
		if (scored.isEmpty() || RankedSearch.outside(text, snapshot, scored.getFirst())) {
			return unknown(text, understood.understanding(), List.of());
		}
		RankedSearch.Scored first = scored.getFirst();
		List<RankedSearch.Scored> distinct = RankedSearch.distinct(scored);
		double second = Math.max(SUGGESTION_FLOOR, distinct.size() > 1 ? distinct.get(1).confidence() : 0);
		boolean close = distinct.size() > 1 && first.confidence() < CLOSE_BELOW && first.confidence() - second <= CLOSE;
		// Below the threshold, a candidate far ahead of any other is still the answer.
		boolean clear = first.confidence() >= threshold
				|| first.confidence() >= threshold - AHEAD_BELOW && first.confidence() - second >= AHEAD;
		if (clear && !close) {
			List<Hit> results = scored.stream()
				.filter(s -> s.confidence() >= threshold / 2)
				.limit(limit)
				.map(hit)
				.toList();
			return new Answer(text, understood.intent(), true, false, understood.understanding(), results, List.of(),
					List.of());
		}
		if (first.confidence() >= askFloor) {
			double floor = close ? first.confidence() - CLOSE : askFloor;
			List<Hit> candidates = distinct.stream().filter(s -> s.confidence() >= floor).limit(MAX_ASKED).map(hit)
				.toList();
			return new Answer(text, understood.intent(), false, true, understood.understanding(), List.of(),
					candidates, List.of());
		}
		return unknown(text, understood.understanding(), scored.stream()
			.filter(s -> s.confidence() >= SUGGESTION_FLOOR)
			.limit(MAX_SUGGESTIONS)
			.map(hit)
			.toList());
	}

	/**
	 * 多治見市の計画ってどんな計画？ says nothing but the plan: the FAQ entry that describes the plan asked about (or
	 * the city's newest), or its basic policy (基本方針, 目的).
	 */
	private static Optional<Unit> aboutPlan(String text, Understood understood, IndexSnapshot snapshot) {
		if (understood.city() == null || !understood.words().isEmpty() || !text.contains("計画")) {
			return Optional.empty();
		}
		String plan = understood.understanding().plan() != null ? understood.understanding().plan()
				: understood.city().newest().id();
		String entry = "/plan/" + plan + (POLICY.matcher(text).find() ? "-policy" : "");
		return snapshot.units().stream().filter(u -> u.isFaq() && u.id().endsWith(entry)).findFirst();
	}

	private static Answer unknown(String text, Understanding understanding, List<Hit> suggestions) {
		return new Answer(text, Intent.OUT_OF_SCOPE, false, false, understanding, List.of(), suggestions, List.of());
	}

	private static List<RatingMeaning> meanings(Understood understood, IndexSnapshot snapshot) {
		String symbol = understood.understanding().rating();
		List<Catalog.City> cities = understood.city() != null ? List.of(understood.city())
				: snapshot.catalog().cities();
		return cities.stream()
			.flatMap(city -> city.plans().stream())
			.flatMap((Plan plan) -> plan.ratingScheme().symbols().stream()
				.filter(s -> symbol == null || s.symbol().equals(symbol))
				.map(s -> new RatingMeaning(plan.municipality(), plan.id(), plan.title(), s.symbol(), s.meaning())))
			.toList();
	}
}
