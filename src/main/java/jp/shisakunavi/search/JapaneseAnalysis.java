package jp.shisakunavi.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseNumberFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseReadingFormFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import com.ibm.icu.text.Normalizer2;

/**
 * The analyzers of the index, built from one {@link Vocabulary}. Text is first normalized the same way
 * everywhere (NFKC with case folding: width, case and compatibility forms; ヶ and ヵ (written interchangeably, 茅ヶ崎 = 茅ケ崎) folded to ケ; hyphens
 * between Latin letters dropped, so Wi-Fi and wifi meet), then:
 * <ul>
 * <li>{@link #text()}: Kuromoji in SEARCH mode with the user dictionary, numbers normalized, base forms,
 * particles, auxiliaries (polite endings) and punctuation removed, trailing ー of long katakana words cut;</li>
 * <li>{@link #textQuery()}: the same for questions (compounds not kept besides their parts);</li>
 * <li>{@link #bigrams()} / {@link #bigramQuery()}: character bigrams (and unigrams in the index) for words the
 * dictionary does not know and for small typos;</li>
 * <li>{@link #reading()}: katakana readings cut into bigrams, for questions written in kana.</li>
 * </ul>
 */
final class JapaneseAnalysis {

	private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
	private static final Pattern LATIN_HYPHEN = Pattern.compile("(?<=[a-z0-9])[-‐・](?=[a-z0-9])");
	private static final NormalizeCharMap SMALL_KE = smallKe();

	private final UserDictionary userDictionary;
	private final Analyzer text;
	private final Analyzer textQuery;
	private final Analyzer bigrams;
	private final Analyzer bigramQuery;
	private final Analyzer reading;
	private final Analyzer readings;

	JapaneseAnalysis(Vocabulary vocabulary) {
		this.userDictionary = userDictionary(vocabulary.userDictionary());
		this.text = chain(true);
		this.textQuery = chain(false);
		this.bigrams = bigramChain(true);
		this.bigramQuery = bigramChain(false);
		this.reading = readingChain(true);
		this.readings = readingChain(false);
	}

	Analyzer text() {
		return text;
	}

	/** The words of a question as written (synonyms come from the {@link Lexicon}). */
	Analyzer textQuery() {
		return textQuery;
	}

	Analyzer bigrams() {
		return bigrams;
	}

	Analyzer bigramQuery() {
		return bigramQuery;
	}

	Analyzer reading() {
		return reading;
	}

	/** The katakana reading of a text, words joined (防災アプリの導入: ボウサイアプリドウニュウ). */
	String readingOf(String text) {
		StringBuilder out = new StringBuilder();
		try (TokenStream stream = readings.tokenStream("", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.append(term);
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Kana.toKatakana(out.toString());
	}

	/** The normalization every analyzer starts with, for comparing plain strings the same way. */
	static String normalize(String value) {
		String folded = NFKC_CF.normalize(value).replace('ヶ', 'ケ').replace('ヵ', 'ケ');
		return LATIN_HYPHEN.matcher(folded).replaceAll("");
	}

	private static Reader normalizing(Reader reader) {
		Reader folded = new MappingCharFilter(SMALL_KE, new ICUNormalizer2CharFilter(reader, NFKC_CF));
		return new PatternReplaceCharFilter(LATIN_HYPHEN, "", folded);
	}

	private Tokenizer tokenizer(JapaneseTokenizer.Mode mode, boolean compounds) {
		// Punctuation is kept until the number filter has seen it (1,000 or 3.5), then removed by part of speech.
		// The index keeps compounds besides their parts (the same word is split differently in different
		// sentences); a question's words are counted one by one, so it keeps the parts only.
		return new JapaneseTokenizer(userDictionary, false, !compounds, mode);
	}

	private Analyzer chain(boolean compounds) {
		return new Analyzer() {
			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return normalizing(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = tokenizer(JapaneseTokenizer.Mode.SEARCH, compounds);
				TokenStream stream = new JapaneseNumberFilter(tokenizer);
				stream = new JapaneseBaseFormFilter(stream);
				stream = new JapaneseKatakanaStemFilter(stream);
				stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
				stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
				stream = new SymbolStopFilter(stream);
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	private static Analyzer bigramChain(boolean unigrams) {
		return new Analyzer() {
			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return normalizing(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new CJKBigramFilter(tokenizer,
						CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA, unigrams);
				return new TokenStreamComponents(tokenizer, new SymbolStopFilter(stream));
			}
		};
	}

	private Analyzer readingChain(boolean bigrams) {
		return new Analyzer() {
			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return normalizing(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = tokenizer(JapaneseTokenizer.Mode.NORMAL, false);
				TokenStream stream = new JapaneseReadingFormFilter(tokenizer, false);
				return new TokenStreamComponents(tokenizer,
						bigrams ? new ReadingBigramFilter(stream) : new SymbolStopFilter(stream));
			}
		};
	}

	private static UserDictionary userDictionary(String entries) {
		StringBuilder normalized = new StringBuilder();
		for (String line : entries.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] fields = trimmed.split(",", -1);
			if (fields.length != 4) {
				throw new IllegalArgumentException("User dictionary line needs 4 comma-separated fields: " + line);
			}
			normalized.append(normalize(fields[0])).append(',').append(normalize(fields[1])).append(',')
				.append(fields[2]).append(',').append(fields[3]).append('\n');
		}
		try {
			return UserDictionary.open(new StringReader(normalized.toString()));
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalArgumentException("Invalid user dictionary: " + e.getMessage(), e);
		}
	}

	private static NormalizeCharMap smallKe() {
		NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
		map.add("ヶ", "ケ");
		map.add("ヵ", "ケ");
		return map.build();
	}
}
