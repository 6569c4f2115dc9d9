package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of a question that say what it is about. The question is analyzed as a whole (so that a verb keeps
 * its ending: 増えた, 逃げられない); then phrases of the {@link Lexicon} replace the tokens they cover (フェイスブック,
 * cut by Kuromoji into フェイス and ブック), and so does a run of hiragana that the data knows by its reading
 * (ぼうさいあぷり, こえのこうほう, which Kuromoji cuts into arbitrary pieces). Each word weighs by its part of speech;
 * question words are left out.
 */
final class ContentWords {

	private static final Pattern HIRAGANA_RUN = Pattern.compile("[ぁ-ゖー]{3,}");
	/** Particles that stick to a run of hiragana from the words around it (こうほうの, ぼうさいあぷりって). */
	private static final Pattern LEADING_PARTICLES = Pattern.compile("^(?:って|とは|の|は|が|を|に|で|も|と|や|へ)+");
	private static final Pattern TRAILING_PARTICLES = Pattern
		.compile("(?:ってなに|ってなん|ってどう|って|とは|の|は|が|を|に|で|も|と|や|へ|か|ね|よ)+$");
	/**
	 * Where a run of kana holds two words: って and とは, and the の between two longer kana words
	 * (ようしえんしゃのめいぼ: 要支援者名簿, read without it); a short one stays (こえのこうほう: 声の広報).
	 */
	private static final Pattern NO = Pattern.compile("(?<=[ぁ-ゖー]{3})の(?=[ぁ-ゖー]{3})|って|とは");
	/** The endings of verbs and adjectives in kana (あります, している, できない): not a noun written in kana. */
	private static final Pattern INFLECTED = Pattern.compile("(?:ます|ました|ません|ましょう|ている|てる|ていた|ていない|してる|した|"
			+ "する|します|です|でした|ある|いる|ない|たい|たく|れる|られる|った|んだ|ください|ちゃう|ちゃった|だった|だろう|でしょう)$");
	private static final int MIN_READING = 4;
	private static final double PREDICATE = 0.35;
	private static final double ADVERBIAL = 0.25;
	private static final double ADJECTIVAL_NOUN = 0.5;
	private static final double SUFFIX = 0.3;

	private record Token(String term, String surface, int start, int end, double weight, boolean questionWord) {
	}

	private record Placed(Word word, int start, int end) {

		boolean overlaps(int from, int to) {
			return start < to && from < end;
		}
	}

	private ContentWords() {
	}

	static List<Word> of(String text, IndexSnapshot snapshot) {
		List<Token> tokens = tokens(text, snapshot);
		List<Placed> whole = new ArrayList<>();
		for (Lexicon.Found phrase : snapshot.lexicon().find(text)) {
			if (!aligned(phrase, tokens)) {
				// データ inside オープンデータ is not the word データ
				continue;
			}
			List<Token> covered = tokens.stream().filter(t -> t.start() < phrase.end() && phrase.start() < t.end()).toList();
			boolean asking = snapshot.questionWords().contains(phrase.surface())
					|| !covered.isEmpty() && covered.stream().allMatch(Token::questionWord);
			if (!asking) {
				double weight = covered.stream().mapToDouble(Token::weight).max().orElse(1);
				whole.add(new Placed(new Word(phrase.surface(), weight, phrase.group().variants(),
						phrase.group().credit(), reading(phrase.surface())), phrase.start(), phrase.end()));
			}
			else {
				whole.add(new Placed(null, phrase.start(), phrase.end()));
			}
		}
		Matcher run = HIRAGANA_RUN.matcher(text);
		while (run.find()) {
			kanaWords(text, run.start(), run.end(), whole, snapshot);
		}
		Map<String, Placed> words = new LinkedHashMap<>();
		whole.stream().filter(p -> p.word() != null).forEach(p -> words.putIfAbsent(p.word().text(), p));
		for (Token token : tokens) {
			if (token.questionWord() || whole.stream().anyMatch(p -> p.overlaps(token.start(), token.end()))) {
				continue;
			}
			Lexicon.Group group = snapshot.lexicon().group(token.term())
				.or(() -> snapshot.lexicon().group(token.surface()))
				.orElse(null);
			words.putIfAbsent(token.term(), new Placed(new Word(token.term(), token.weight(),
					group == null ? Set.of(token.term()) : group.variants(), group == null ? 1 : group.credit(),
					reading(token.surface())), token.start(), token.end()));
		}
		return words.values().stream().sorted(Comparator.comparingInt(Placed::start)).map(Placed::word).toList();
	}

	/** Whether a phrase begins and ends where the analyzer's words do (or covers no word at all). */
	private static boolean aligned(Lexicon.Found phrase, List<Token> tokens) {
		List<Token> covered = tokens.stream().filter(t -> t.start() < phrase.end() && phrase.start() < t.end()).toList();
		return covered.isEmpty() || covered.getFirst().start() >= phrase.start() && covered.getLast().end() <= phrase.end();
	}

	/** The pieces of a run of hiragana (without the particles at its ends) that the data knows as words. */
	private static void kanaWords(String text, int start, int end, List<Placed> whole, IndexSnapshot snapshot) {
		if (whole.stream().anyMatch(p -> p.overlaps(start, end))) {
			return;
		}
		String run = text.substring(start, end);
		Matcher leading = LEADING_PARTICLES.matcher(run);
		int from = leading.find() ? leading.end() : 0;
		Matcher trailing = TRAILING_PARTICLES.matcher(run);
		int to = trailing.find() && trailing.start() > from ? trailing.start() : run.length();
		int offset = start + from;
		for (String piece : NO.split(run.substring(from, to))) {
			if (piece.isEmpty()) {
				continue;
			}
			int at = text.indexOf(piece, offset);
			Word word = kana(piece, snapshot);
			if (word != null) {
				whole.add(new Placed(word, at, at + piece.length()));
			}
			offset = at + piece.length();
		}
	}

	/**
	 * A run of hiragana as one word, when it is one the data knows: a word of the lexicon written in kana
	 * (わいふぁい, ろごふぉーむ), or the reading of words of the documents (ぼうさいあぷり). Otherwise (でるってほんと)
	 * the analyzer's words stand.
	 */
	private static Word kana(String written, IndexSnapshot snapshot) {
		if (written.length() < 3 || snapshot.questionWords().contains(written) || INFLECTED.matcher(written).find()) {
			return null;
		}
		String katakana = Kana.toKatakana(written);
		Lexicon.Group group = snapshot.lexicon().group(written).or(() -> snapshot.lexicon().group(katakana)).orElse(null);
		if (group != null) {
			Set<String> variants = new HashSet<>(group.variants());
			variants.add(katakana);
			return new Word(written, 1, variants, group.credit(), katakana);
		}
		if (written.length() >= MIN_READING && snapshot.readingUsed(katakana)) {
			return new Word(written, 1, Set.of(written, katakana), 1, katakana);
		}
		return null;
	}

	private static List<Token> tokens(String text, IndexSnapshot snapshot) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = snapshot.analysis().textQuery().tokenStream(IndexBuilder.TITLE, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String token = term.toString();
				tokens.add(new Token(token, text.substring(offset.startOffset(), offset.endOffset()),
						offset.startOffset(), offset.endOffset(), weight(pos.getPartOfSpeech()),
						snapshot.questionWords().contains(token)));
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return tokens;
	}

	/** Nouns say what a question is about; verbs, adjectives and adverbial nouns mostly how it is asked. */
	private static double weight(String partOfSpeech) {
		if (partOfSpeech == null) {
			return 1;
		}
		if (partOfSpeech.startsWith("動詞") || partOfSpeech.startsWith("形容詞") || partOfSpeech.startsWith("助動詞")) {
			return PREDICATE;
		}
		if (partOfSpeech.startsWith("名詞-副詞可能") || partOfSpeech.startsWith("副詞") || partOfSpeech.startsWith("連体詞")
				|| partOfSpeech.startsWith("感動詞") || partOfSpeech.startsWith("接続詞")
				|| partOfSpeech.startsWith("名詞-代名詞") || partOfSpeech.startsWith("名詞-非自立")
				|| partOfSpeech.startsWith("名詞-接尾-助数詞")) {
			return ADVERBIAL;
		}
		if (partOfSpeech.startsWith("名詞-形容動詞語幹")) {
			return ADJECTIVAL_NOUN;
		}
		if (partOfSpeech.startsWith("名詞-接尾")) {
			return SUFFIX;
		}
		return 1;
	}

	private static String reading(String surface) {
		return Kana.isKana(surface) && surface.length() >= MIN_READING ? Kana.toKatakana(surface) : null;
	}
}
