package jp.shisakunavi.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Joins the katakana readings of consecutive tokens into runs and emits the character bigrams of each run, so
 * that ぼうさいあぷり (tokenized unpredictably) meets 防災アプリ (read ボウサイ アプリ). Hiragana is folded to
 * katakana; any other token ends a run. A run of one character says too little and is dropped.
 */
final class ReadingBigramFilter extends TokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
	private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
	private final List<String> grams = new ArrayList<>();
	private boolean collected;
	private int next;

	ReadingBigramFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!collected) {
			collect();
			collected = true;
		}
		if (next >= grams.size()) {
			return false;
		}
		clearAttributes();
		term.setEmpty().append(grams.get(next++));
		position.setPositionIncrement(1);
		return true;
	}

	private void collect() throws IOException {
		StringBuilder run = new StringBuilder();
		while (input.incrementToken()) {
			String katakana = Kana.toKatakana(term.toString());
			if (Kana.isKatakana(katakana)) {
				run.append(katakana);
			}
			else {
				flush(run);
			}
		}
		flush(run);
	}

	private void flush(StringBuilder run) {
		for (int i = 0; i + 2 <= run.length(); i++) {
			grams.add(run.substring(i, i + 2));
		}
		run.setLength(0);
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		grams.clear();
		collected = false;
		next = 0;
	}
}
