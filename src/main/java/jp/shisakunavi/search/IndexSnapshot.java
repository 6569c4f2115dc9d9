package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A complete, immutable index: searches hold one snapshot from start to end, so a rebuild swapping in the next
 * one never shows them a half-built index.
 *
 * @param units by the ordinal stored in each Lucene document
 * @param ordinals the ordinal of each Lucene document, read once
 * @param rewritten queries that depend only on this snapshot's index, rewritten once (see {@link #rewrite})
 */
record IndexSnapshot(IndexSearcher searcher, List<Unit> units, Catalog catalog, JapaneseAnalysis analysis,
		QuestionWords questionWords, String vocabularyVersion, Map<String, UnitText> texts, int[] ordinals,
		Cache<Query, Query> rewritten) {

	/** Enough for every word citizens use often; a rare word is rewritten again when it comes back. */
	private static final int REWRITTEN_QUERIES = 20_000;

	IndexSnapshot(IndexSearcher searcher, List<Unit> units, Catalog catalog, JapaneseAnalysis analysis,
			QuestionWords questionWords, String vocabularyVersion) {
		this(searcher, units, catalog, analysis, questionWords, vocabularyVersion, new ConcurrentHashMap<>(),
				ordinals(searcher), Caffeine.newBuilder().maximumSize(REWRITTEN_QUERIES).build());
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
		return units.get(ordinals[docId]);
	}

	/**
	 * The query rewritten against this snapshot's index. A fuzzy query builds automata and walks the terms
	 * when it is rewritten, which costs more than the rest of a search; the same word gives the same result
	 * for as long as the snapshot lives.
	 */
	Query rewrite(Query query) {
		return rewritten.get(query, q -> {
			try {
				return searcher.rewrite(q);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private static int[] ordinals(IndexSearcher searcher) {
		try {
			StoredFields fields = searcher.storedFields();
			int[] ordinals = new int[searcher.getIndexReader().maxDoc()];
			for (int doc = 0; doc < ordinals.length; doc++) {
				ordinals[doc] = fields.document(doc).getField(ORDINAL).numericValue().intValue();
			}
			return ordinals;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int size() {
		return units.size();
	}

}
