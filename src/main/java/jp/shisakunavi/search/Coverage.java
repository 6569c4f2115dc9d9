package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;

/**
 * The confidence that a unit answers a question: how much of what the question is about (its content words,
 * weighted by length and rarity) the unit's title, or failing that its whole text, covers. A word counts as
 * covered when it or a synonym occurs, in part when most of its character bigrams or of its reading occur.
 * The figure is in 0..1 and comparable across questions, unlike Lucene's scores.
 */
final class Coverage {

	private static final double BODY_WEIGHT = 0.7;
	private static final double READING_WEIGHT = 0.85;
	private static final int SHORT = 2;

	private final IndexSnapshot snapshot;
	private final List<Word> words;

	private record Word(String token, Set<String> variants, Set<String> bigrams, Set<String> reading, double weight) {
	}

	Coverage(List<String> contentTokens, IndexSnapshot snapshot) {
		this.snapshot = snapshot;
		this.words = contentTokens.stream().map(this::word).toList();
	}

	double of(Unit unit) {
		if (words.isEmpty()) {
			return 0;
		}
		IndexSnapshot.UnitText text = snapshot.text(unit);
		double total = 0;
		double inTitle = 0;
		double inAll = 0;
		for (Word word : words) {
			total += word.weight();
			inTitle += word.weight() * match(word, text.title(), text.titleWords(), text.titleReading());
			inAll += word.weight() * match(word, text.all(), text.allWords(), text.titleReading());
		}
		return Math.max(inTitle, BODY_WEIGHT * inAll) / total;
	}

	private static double match(Word word, String text, Set<String> analyzed, Set<String> reading) {
		// A short word must be a word of the text: プロ is not found in プログラミング.
		if (word.variants().stream().anyMatch(v -> analyzed.contains(v) || v.length() > SHORT && text.contains(v))) {
			return 1;
		}
		double bigrams = ratio(word.bigrams(), text);
		double read = word.reading().isEmpty() ? 0
				: READING_WEIGHT * word.reading().stream().filter(reading::contains).count() / word.reading().size();
		double partial = Math.max(bigrams, read);
		// Fewer than half the pieces of a word is chance, not a typo.
		return partial >= 0.5 ? partial : 0;
	}

	private static double ratio(Set<String> bigrams, String text) {
		if (bigrams.size() < 2) {
			return 0;
		}
		return (double) bigrams.stream().filter(text::contains).count() / bigrams.size();
	}

	private Word word(String token) {
		Set<String> variants = new LinkedHashSet<>();
		variants.add(token);
		// Parts of a multi-word synonym (個人 of 個人番号カード) are too loose to count on their own.
		terms(snapshot.analysis().textQuery(), token).stream().filter(v -> v.length() >= 3).forEach(variants::add);
		Set<String> bigrams = new HashSet<>();
		for (int i = 0; i + 2 <= token.length(); i++) {
			bigrams.add(token.substring(i, i + 2));
		}
		// Kana is compared by reading; so is a longer kanji word, to forgive a homophone typed by the IME
		// (健診 for 検診, ケンシン).
		Set<String> reading = terms(snapshot.analysis().reading(), token);
		if (!Kana.isKana(token) && reading.size() < 3) {
			reading = Set.of();
		}
		return new Word(token, variants, bigrams, reading, length(token) * rarity(token));
	}

	/** Longer words say more, up to four characters; a single kanji is a whole word (犬, 海), worth two. */
	private static int length(String token) {
		boolean kanji = token.codePointCount(0, token.length()) == 1
				&& Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
		return kanji ? 2 : Math.min(token.length(), 4);
	}

	/** 1 for a word few units use, down to 0.3 for one that nearly every unit uses (市, 情報, システム). */
	private double rarity(String token) {
		try {
			int docs = snapshot.searcher().getIndexReader().numDocs();
			int frequency = snapshot.searcher().getIndexReader().docFreq(new Term(IndexBuilder.BODY, token));
			if (docs < 2 || frequency == 0) {
				return 1;
			}
			return 0.3 + 0.7 * Math.min(1, Math.log((double) docs / frequency) / Math.log(docs));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Set<String> terms(Analyzer analyzer, String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = analyzer.tokenStream(IndexBuilder.TITLE, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
	}
}
