package jp.shisakunavi.search;

import java.util.List;

/**
 * The answer to a question.
 *
 * @param query the text that was searched (after cutting over-long input)
 * @param intent what the question asks for; OUT_OF_SCOPE when nothing answers it
 * @param answered false when nothing matched well enough: then {@code results} is empty and
 *        {@code suggestions} holds the near misses (none for a question far outside the plans)
 * @param askBack true when the best candidates are too close or too weak to choose one: {@code suggestions}
 *        holds them (two to four), to be offered as 「次のどれについてですか？」; {@code answered} is false
 * @param results best first; for list questions the whole list
 * @param ratingMeanings for {@link Intent#RATING_MEANING}: the legend entries of the symbol asked about, in the
 *        plans of the asker's city (or of every city); empty when the city's plans have no such symbol
 */
public record Answer(String query, Intent intent, boolean answered, boolean askBack, Understanding understood,
		List<Hit> results, List<Hit> suggestions, List<RatingMeaning> ratingMeanings) {

	public Answer {
		results = List.copyOf(results);
		suggestions = List.copyOf(suggestions);
		ratingMeanings = List.copyOf(ratingMeanings);
	}
}
