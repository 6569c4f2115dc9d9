package jp.shisakunavi.search;

import java.util.List;

import jp.shisakunavi.plan.RatingState;

/**
 * Query understanding's full result: what {@link Understanding} reports, plus what the search needs.
 *
 * @param cityNamed whether the question itself named the city (rather than the asker's earlier choice)
 * @param state the state of the units a list asks for (完了した施策: completed), or null
 * @param words the words of the question, without what was recognised, that say what it is about: what to
 *        search for
 */
record Understood(Understanding understanding, Intent intent, Catalog.City city, boolean cityNamed,
		RatingState state, List<Word> words) {

	/** The words as written. */
	List<String> contentTokens() {
		return words.stream().map(Word::text).toList();
	}
}
