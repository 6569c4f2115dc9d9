package jp.shisakunavi.search;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops tokens without a letter or digit (?, ！, emoji, stray symbols): the tokenizer tags some of them as
 * nouns, and they say nothing about what was asked.
 */
final class SymbolStopFilter extends FilteringTokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	SymbolStopFilter(TokenStream input) {
		super(input);
	}

	@Override
	protected boolean accept() {
		for (int i = 0; i < term.length(); i++) {
			if (Character.isLetterOrDigit(term.charAt(i))) {
				return true;
			}
		}
		return false;
	}
}
