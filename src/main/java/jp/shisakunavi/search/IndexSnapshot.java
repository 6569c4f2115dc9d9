package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.search.IndexSearcher;

/**
 * A complete, immutable index: searches hold one snapshot from start to end, so a rebuild swapping in the next
 * one never shows them a half-built index.
 *
 * @param units by the ordinal stored in each Lucene document
 */
record IndexSnapshot(IndexSearcher searcher, List<Unit> units, Catalog catalog, JapaneseAnalysis analysis,
		QuestionWords questionWords, String vocabularyVersion) {

	static final String ORDINAL = "ord";

	Unit unit(int docId) {
		try {
			return units.get(searcher.storedFields().document(docId).getField(ORDINAL).numericValue().intValue());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int size() {
		return units.size();
	}

}
