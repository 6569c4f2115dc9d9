package jp.shisakunavi.search;

import java.util.List;

/**
 * Query understanding's full result: what {@link Understanding} reports, plus what the search needs.
 *
 * @param cityNamed whether the question itself named the city (rather than the asker's earlier choice)
 * @param contentTokens the analyzed words of the question, without what was recognised, that say what it is
 *        about: what to search for
 */
record Understood(Understanding understanding, Intent intent, Catalog.City city, boolean cityNamed,
		List<String> contentTokens) {
}
