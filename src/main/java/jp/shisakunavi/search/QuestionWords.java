package jp.shisakunavi.search;

import java.util.Set;
import java.util.stream.Collectors;

/** Words that make a sentence a question without saying what it is about (question-words.txt). */
record QuestionWords(Set<String> words) {

	static QuestionWords parse(String lines) {
		return new QuestionWords(lines.lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith("#"))
			.map(JapaneseAnalysis::normalize)
			.collect(Collectors.toUnmodifiableSet()));
	}

	boolean contains(String token) {
		return words.contains(token);
	}
}
