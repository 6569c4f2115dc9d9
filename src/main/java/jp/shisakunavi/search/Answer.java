package jp.shisakunavi.search;

import java.util.List;

/**
 * The answer to a question.
 *
 * @param query the text that was searched (after cutting over-long input)
 * @param answered false when nothing matched well enough: then {@code results} is empty and
 *        {@code suggestions} holds up to three near misses
 * @param results best first; for list questions the whole list
 * @param ratingMeanings for {@link Intent#RATING_MEANING}: the legend entries of the symbol asked about, in the
 *        plans of the asker's city (or of every city); empty otherwise
 */
public record Answer(String query, Intent intent, boolean answered, Understanding understood, List<Hit> results,
		List<Hit> suggestions, List<RatingMeaning> ratingMeanings) {

	public Answer {
		results = List.copyOf(results);
		suggestions = List.copyOf(suggestions);
		ratingMeanings = List.copyOf(ratingMeanings);
	}
}
