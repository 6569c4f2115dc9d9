package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

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
		Lexicon lexicon, WordList questionWords, WordList outOfScope, String vocabularyVersion, Map<String, UnitText> texts,
		int[] ordinals, Map<String, Unit> byId, Cache<Query, Query> rewritten, Cache<Word, Boolean> known) {

	/** Enough for every word citizens use often; a rare word is rewritten again when it comes back. */
	private static final int REWRITTEN_QUERIES = 20_000;
	/** Units whose reading bigrams hold a kana word that are read in full to find it. */
	private static final int READING_CHECKS = 5;

	IndexSnapshot(IndexSearcher searcher, List<Unit> units, Catalog catalog, JapaneseAnalysis analysis,
			Lexicon lexicon, WordList questionWords, WordList outOfScope, String vocabularyVersion) {
		this(searcher, units, catalog, analysis, lexicon, questionWords, outOfScope, vocabularyVersion,
				new ConcurrentHashMap<>(),
				ordinals(searcher), byId(units), Caffeine.newBuilder().maximumSize(REWRITTEN_QUERIES).build(),
				Caffeine.newBuilder().maximumSize(REWRITTEN_QUERIES).build());
	}

	/**
	 * A unit's text as confidence compares it: normalized title(s) and title with body without white space
	 * (the documents' line breaks and spaces fall inside words), their analyzed words, and the katakana
	 * readings of the title and of the whole text.
	 */
	record UnitText(String title, String all, Set<String> titleWords, Set<String> allWords, String titleReading,
			String allReading) {
	}

	/** Computed once per unit and snapshot, when the unit first is a candidate. */
	UnitText text(Unit unit) {
		return texts.computeIfAbsent(unit.type() + ":" + unit.id(), key -> {
			String title = compact(unit.titles());
			Set<String> titleWords = Coverage.terms(analysis.text(), unit.titles());
			Set<String> allWords = new HashSet<>(titleWords);
			allWords.addAll(Coverage.terms(analysis.text(), unit.body()));
			String titleReading = analysis.readingOf(unit.titles());
			return new UnitText(title, title + "\n" + compact(unit.body()), titleWords, allWords, titleReading,
					titleReading + "\n" + analysis.readingOf(unit.body()));
		});
	}

	/**
	 * Whether any unit uses the word in any of its writings, told by the index (some unit holds every character
	 * bigram of a writing): a word no unit uses cannot tell units apart.
	 */
	boolean knows(Word word) {
		return known.get(word, w -> w.variants().stream().anyMatch(this::used)
				|| w.reading() != null && readingUsed(w.reading()));
	}

	/** Whether some unit's title or text reads so (こえのこうほう: 声の広報), looked up by its reading bigrams. */
	boolean readingUsed(String reading) {
		return holding(Coverage.terms(analysis.reading(), reading), READING_CHECKS, IndexBuilder.TITLE_READING,
				IndexBuilder.BODY_READING).stream().anyMatch(doc -> text(unit(doc)).allReading().contains(reading));
	}

	private boolean used(String writing) {
		return !holding(Coverage.terms(analysis.bigramQuery(), writing), 1, IndexBuilder.TITLE_BIGRAMS,
				IndexBuilder.BODY_BIGRAMS).isEmpty();
	}

	/** Up to {@code limit} documents per field whose field holds every one of the terms (none for no terms). */
	private List<Integer> holding(Set<String> terms, int limit, String... fields) {
		if (terms.isEmpty()) {
			return List.of();
		}
		List<Integer> docs = new ArrayList<>();
		try {
			for (String field : fields) {
				BooleanQuery.Builder all = new BooleanQuery.Builder();
				terms.forEach(t -> all.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.MUST));
				for (ScoreDoc hit : searcher.search(all.build(), limit).scoreDocs) {
					docs.add(hit.doc);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return docs;
	}

	private static String compact(String text) {
		return JapaneseAnalysis.normalize(text).replaceAll("\\s+", "");
	}

	static final String ORDINAL = "ord";

	Unit unit(int docId) {
		return units.get(ordinals[docId]);
	}

	/** A measure or item by its id. */
	Optional<Unit> unit(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	private static Map<String, Unit> byId(List<Unit> units) {
		Map<String, Unit> byId = new HashMap<>();
		units.stream().filter(u -> !u.isFaq()).forEach(u -> byId.putIfAbsent(u.id(), u));
		return Map.copyOf(byId);
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
