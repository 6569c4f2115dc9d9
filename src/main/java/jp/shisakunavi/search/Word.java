package jp.shisakunavi.search;

import java.util.Set;

/**
 * A word of a question that says what it is about.
 *
 * @param text as written (normalized), or its base form
 * @param weight how much the word says about the subject by its part of speech: 1 for a noun, less for a verb,
 *        an adjective or an adverbial noun (増えた, 便利, 最近), which a right answer need not contain
 * @param variants other ways of writing it (synonyms from the {@link Lexicon}), the word itself included
 * @param credit how much finding a variant other than the word itself counts
 * @param reading the katakana reading of a word written in kana, compared with the readings of the text
 *        (こべつじゅしんき meets 戸別受信機); null otherwise
 */
record Word(String text, double weight, Set<String> variants, double credit, String reading) {

	Word {
		variants = Set.copyOf(variants);
	}
}
