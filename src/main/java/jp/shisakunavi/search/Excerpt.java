package jp.shisakunavi.search;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a unit's text that answers the question, for the card: from the sentence that holds most of the
 * question's words, or, for a when-question, the sentence that gives a date (令和3年1月に防災アプリを導入しました).
 */
final class Excerpt {

	static final int LENGTH = 140;
	private static final Pattern SENTENCES = Pattern.compile("(?<=[。\\n])");
	private static final Pattern DATE = Pattern.compile("(?:令和|平成|R|H)\\s*(?:元|\\d{1,2})\\s*年|(?:19|20)\\d\\d\\s*年|\\d{1,2}\\s*月");
	private static final Pattern BULLET = Pattern.compile("^[・\\-－\\s]+");

	private Excerpt() {
	}

	/** The excerpt of a measure's or item's text, or null when it has none (FAQ entries answer in full). */
	static String of(Unit unit, List<Word> words, Intent intent) {
		if (unit.isFaq() || unit.text() == null || unit.text().isBlank()) {
			return null;
		}
		List<String> sentences = SENTENCES.splitAsStream(unit.text())
			.map(s -> BULLET.matcher(s.strip()).replaceAll(""))
			.filter(s -> !s.isBlank())
			.toList();
		int best = 0;
		double bestScore = -1;
		for (int i = 0; i < sentences.size(); i++) {
			String sentence = JapaneseAnalysis.normalize(sentences.get(i)).replaceAll("\\s+", "");
			double score = words.stream().filter(w -> matches(w, sentence)).mapToDouble(Word::weight).sum();
			if (intent == Intent.SCHEDULE && DATE.matcher(sentences.get(i)).find()) {
				score += 10;
			}
			if (score > bestScore) {
				best = i;
				bestScore = score;
			}
		}
		String from = String.join("", sentences.subList(best, sentences.size()));
		return from.length() <= LENGTH ? from : from.substring(0, LENGTH - 1) + "…";
	}

	private static boolean matches(Word word, String sentence) {
		return word.variants().stream().anyMatch(v -> Coverage.found(v, sentence, Set.of()))
				|| Coverage.found(word.text(), sentence, Set.of());
	}
}
