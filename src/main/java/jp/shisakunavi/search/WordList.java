package jp.shisakunavi.search;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words, one a line, normalized like questions: those that make a sentence a question without saying what it is
 * about (question-words.txt), and those that mark a question the plans do not answer (out-of-scope.txt).
 */
record WordList(Set<String> words) {

	static WordList parse(String lines) {
		return new WordList(lines.lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith("#"))
			.map(JapaneseAnalysis::normalize)
			.collect(Collectors.toUnmodifiableSet()));
	}

	boolean contains(String token) {
		return words.contains(token);
	}
}
