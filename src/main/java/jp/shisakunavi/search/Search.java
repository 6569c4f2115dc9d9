package jp.shisakunavi.search;

import java.util.List;
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

	private final Supplier<IndexSnapshot> index;
	private final double threshold;
	private final MeterRegistry meters;

	@Autowired
	Search(SearchIndex index, @Value("${shisaku.search.threshold:0.5}") double threshold, MeterRegistry meters) {
		this(index::snapshot, threshold, meters);
	}

	/** A search of its own, counted nowhere (tests, benchmarks, evaluation). */
	Search(Supplier<IndexSnapshot> index, double threshold) {
		this(index, threshold, new SimpleMeterRegistry());
	}

	private Search(Supplier<IndexSnapshot> index, double threshold, MeterRegistry meters) {
		if (threshold < 0 || threshold > 1) {
			throw new IllegalArgumentException("shisaku.search.threshold must be between 0 and 1, not " + threshold);
		}
		this.index = index;
		this.threshold = threshold;
		this.meters = meters;
	}

	public Answer answer(Question question) {
		String text = QuestionText.clean(question.text());
		IndexSnapshot snapshot = index.get();
		Understood understood = QueryUnderstanding.understand(text, question.municipality(), snapshot);
		Understanding understanding = understood.understanding();
		return switch (understood.intent()) {
			case GREETING, THANKS, HELP -> new Answer(text, understood.intent(), true, understanding, List.of(),
					List.of(), List.of());
			case LIST -> new Answer(text, Intent.LIST, true, understanding, ListAnswers.list(understood, snapshot),
					List.of(), List.of());
			case RATING_MEANING -> new Answer(text, Intent.RATING_MEANING, true, understanding, List.of(), List.of(),
					meanings(understood, snapshot));
			default -> ranked(text, understood, snapshot, Math.max(1, question.limit()));
		};
	}

	private Answer ranked(String text, Understood understood, IndexSnapshot snapshot, int limit) {
		List<RankedSearch.Scored> scored = RankedSearch.search(understood, snapshot);
		Integer asOf = understood.understanding().fiscalYear();
		boolean answered = !scored.isEmpty() && scored.getFirst().confidence() >= threshold;
		// The share of "I don't know" answers, for operators.
		meters.counter("shisaku.answers", "outcome", answered ? "answered" : "unknown").increment();
		if (answered) {
			List<Hit> results = scored.stream()
				.filter(s -> s.confidence() >= threshold / 2)
				.limit(limit)
				.map(s -> s.unit().hit(s.confidence(), asOf))
				.toList();
			return new Answer(text, understood.intent(), true, understood.understanding(), results, List.of(),
					List.of());
		}
		List<Hit> suggestions = scored.stream()
			.filter(s -> s.confidence() >= SUGGESTION_FLOOR)
			.limit(MAX_SUGGESTIONS)
			.map(s -> s.unit().hit(s.confidence(), asOf))
			.toList();
		return new Answer(text, Intent.OUT_OF_SCOPE, false, understood.understanding(), List.of(), suggestions,
				List.of());
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
