package jp.shisakunavi.search;

import java.util.List;

/**
 * Query understanding's full result: what {@link Understanding} reports, plus what the search needs.
 *
 * @param cityNamed whether the question itself named the city (rather than the asker's earlier choice)
 * @param subject the question with the recognised parts removed: what to search for
 * @param contentTokens the analyzed words of {@code subject} that say what the question is about
 */
record Understood(Understanding understanding, Intent intent, Catalog.City city, boolean cityNamed, String subject,
		List<String> contentTokens) {
}
