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
 * weighted by part of speech, length and rarity) the unit covers, a word in the title counting in full and a
 * word only in the rest of the text at {@value #BODY_WEIGHT}. A word counts as covered when it or a synonym
 * occurs, when its kana reading occurs in the text's reading, or in part when most of its character bigrams
 * occur. A word that no unit uses at all (a colloquial word the documents never use) weighs half: it cannot
 * tell units apart. The figure is in 0..1 and comparable across questions, unlike Lucene's scores.
 */
final class Coverage {

	static final double BODY_WEIGHT = 0.7;
	private static final double READING_WEIGHT = 0.9;
	private static final double UNKNOWN_WORD = 0.5;
	private static final int SHORT = 2;

	private final IndexSnapshot snapshot;
	private final List<Scored> words;

	private record Scored(Word word, Set<String> bigrams, double weight) {
	}

	Coverage(List<Word> words, IndexSnapshot snapshot) {
		this.snapshot = snapshot;
		this.words = words.stream().map(this::scored).toList();
	}

	double of(Unit unit) {
		if (words.isEmpty()) {
			return 0;
		}
		IndexSnapshot.UnitText text = snapshot.text(unit);
		double total = 0;
		double covered = 0;
		for (Scored word : words) {
			total += word.weight();
			double inTitle = match(word, text.title(), text.titleWords(), text.titleReading());
			double inAll = inTitle == 1 ? 1 : match(word, text.all(), text.allWords(), text.allReading());
			covered += word.weight() * Math.max(inTitle, BODY_WEIGHT * inAll);
		}
		return covered / total;
	}

	private static double match(Scored scored, String text, Set<String> analyzed, String reading) {
		Word word = scored.word();
		if (found(word.text(), text, analyzed)) {
			return 1;
		}
		double best = 0;
		for (String variant : word.variants()) {
			if (!variant.equals(word.text()) && found(variant, text, analyzed)) {
				best = word.credit();
				break;
			}
		}
		if (word.reading() != null && reading.contains(word.reading())) {
			best = Math.max(best, READING_WEIGHT);
		}
		double bigrams = ratio(scored.bigrams(), text);
		// Fewer than half the pieces of a word is chance, not a typo; all of them, when the word itself is not
		// found, is a part of a longer word (ライブ in ライブラリ), not the word.
		return Math.max(best, bigrams >= 0.5 && bigrams < 1 ? bigrams : 0);
	}

	/**
	 * A short word must be a word of the text: プロ is not found in プログラミング. A katakana or Latin word must
	 * not be part of a longer one: テスト is not in コンテスト, ライブ not in ライブラリ.
	 */
	static boolean found(String word, String text, Set<String> analyzed) {
		if (analyzed.contains(word)) {
			return true;
		}
		if (word.length() <= SHORT) {
			return false;
		}
		boolean katakana = Kana.isKatakana(word);
		boolean latin = word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
		if (!katakana && !latin) {
			return text.contains(word);
		}
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			char before = at > 0 ? text.charAt(at - 1) : ' ';
			char after = at + word.length() < text.length() ? text.charAt(at + word.length()) : ' ';
			boolean inside = katakana ? Kana.isKatakana(String.valueOf(before)) || after != 'ー' && Kana.isKatakana(String.valueOf(after))
					: Character.isLetterOrDigit(before) && before < 0x80 || Character.isLetterOrDigit(after) && after < 0x80;
			if (!inside) {
				return true;
			}
		}
		return false;
	}

	private static double ratio(Set<String> bigrams, String text) {
		if (bigrams.size() < 2) {
			return 0;
		}
		return (double) bigrams.stream().filter(text::contains).count() / bigrams.size();
	}

	private Scored scored(Word word) {
		String token = word.text();
		Set<String> bigrams = new HashSet<>();
		for (int i = 0; i + 2 <= token.length(); i++) {
			bigrams.add(token.substring(i, i + 2));
		}
		return new Scored(word, bigrams, word.weight() * length(token) * rarity(word));
	}

	/** Longer words say more, up to four characters; a single kanji is a whole word (犬, 海), worth two. */
	private static int length(String token) {
		boolean kanji = token.codePointCount(0, token.length()) == 1
				&& Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
		return kanji ? 2 : Math.min(token.length(), 4);
	}

	/**
	 * 1 for a word few units use, down to 0.3 for one that nearly every unit uses (市, 情報, システム), by its
	 * most used way of writing; {@value #UNKNOWN_WORD} for a word no unit uses in any writing.
	 */
	private double rarity(Word word) {
		try {
			int docs = snapshot.searcher().getIndexReader().numDocs();
			int frequency = 0;
			for (String variant : word.variants()) {
				frequency = Math.max(frequency, snapshot.searcher().getIndexReader().docFreq(new Term(IndexBuilder.BODY, variant)));
			}
			if (frequency == 0) {
				return snapshot.knows(word) ? 1 : UNKNOWN_WORD;
			}
			if (docs < 2) {
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
