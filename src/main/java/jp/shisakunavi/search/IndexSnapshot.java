package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.search.IndexSearcher;

/**
 * A complete, immutable index: searches hold one snapshot from start to end, so a rebuild swapping in the next
 * one never shows them a half-built index.
 *
 * @param units by the ordinal stored in each Lucene document
 */
record IndexSnapshot(IndexSearcher searcher, List<Unit> units, Catalog catalog, JapaneseAnalysis analysis,
		QuestionWords questionWords, String vocabularyVersion, Map<String, UnitText> texts) {

	IndexSnapshot(IndexSearcher searcher, List<Unit> units, Catalog catalog, JapaneseAnalysis analysis,
			QuestionWords questionWords, String vocabularyVersion) {
		this(searcher, units, catalog, analysis, questionWords, vocabularyVersion, new ConcurrentHashMap<>());
	}

	/**
	 * A unit's text as confidence compares it: normalized title(s) and title with body, their analyzed words,
	 * and the reading bigrams of the title.
	 */
	record UnitText(String title, String all, Set<String> titleWords, Set<String> allWords, Set<String> titleReading) {
	}

	/** Computed once per unit and snapshot, when the unit first is a candidate. */
	UnitText text(Unit unit) {
		return texts.computeIfAbsent(unit.type() + ":" + unit.id(), key -> {
			String title = JapaneseAnalysis.normalize(unit.titles());
			Set<String> titleWords = Coverage.terms(analysis.text(), unit.titles());
			Set<String> allWords = new HashSet<>(titleWords);
			allWords.addAll(Coverage.terms(analysis.text(), unit.body()));
			return new UnitText(title, title + "\n" + JapaneseAnalysis.normalize(unit.body()), titleWords, allWords,
					Coverage.terms(analysis.reading(), unit.titles()));
		});
	}

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
