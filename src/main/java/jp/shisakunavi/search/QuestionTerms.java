package jp.shisakunavi.search;

import java.util.List;

/**
 * A question as the search reads it (see {@link Search#terms}).
 *
 * @param normalized the text normalized (NFKC, case folded, ケ for ヶ) without spaces and punctuation
 * @param terms the content words, normalized, distinct and sorted
 */
public record QuestionTerms(String normalized, List<String> terms) {

	public QuestionTerms {
		terms = List.copyOf(terms);
	}
}
