package jp.shisakunavi.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Words that mean the same, found in a question as whole phrases however the tokenizer would cut them
 * (フェイスブック, スマホ, ネット申請). Two sources, in Solr's synonym format ({@code a, b, c}: the same;
 * {@code a, b => c}: a and b mean c): the administrators' {@code synonyms.txt}, and {@code sudachi-synonyms.txt},
 * the groups of the Sudachi synonym dictionary that the plans' own words belong to. The administrators' rules
 * come first: a word they define is never redefined by the dictionary, and their variants count in full, the
 * dictionary's (near synonyms among them) a little less.
 */
final class Lexicon {

	static final double OWN_CREDIT = 1.0;
	static final double DICTIONARY_CREDIT = 0.85;

	/** What a phrase may also be written as, and how much finding one of those counts. */
	record Group(Set<String> variants, double credit) {
	}

	/** A phrase of the lexicon found in a text, at {@code start} (inclusive) to {@code end}. */
	record Found(String surface, int start, int end, Group group) {
	}

	private final Map<String, Group> bySurface;
	private final int longest;

	private Lexicon(Map<String, Group> bySurface) {
		this.bySurface = bySurface;
		this.longest = bySurface.keySet().stream().mapToInt(String::length).max().orElse(0);
	}

	static Lexicon parse(String ownRules, String dictionaryRules) {
		Map<String, Group> bySurface = new HashMap<>();
		read(ownRules, OWN_CREDIT, bySurface);
		read(dictionaryRules, DICTIONARY_CREDIT, bySurface);
		return new Lexicon(Map.copyOf(bySurface));
	}

	/** The group a word (normalized, as written or in its base form) belongs to. */
	Optional<Group> group(String word) {
		return Optional.ofNullable(bySurface.get(word));
	}

	/**
	 * The phrases of the lexicon in a normalized text, longest first from left to right, none overlapping. A
	 * Latin phrase counts only as a whole word (ai is not found in mail).
	 */
	List<Found> find(String text) {
		List<Found> found = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			Found match = null;
			for (int end = Math.min(text.length(), i + longest); end >= i + 2 && match == null; end--) {
				String candidate = text.substring(i, end);
				Group group = bySurface.get(candidate);
				if (group != null && wholeWord(text, i, end)) {
					match = new Found(candidate, i, end, group);
				}
			}
			if (match != null) {
				found.add(match);
				i = match.end();
			}
			else {
				i++;
			}
		}
		return found;
	}

	private static boolean wholeWord(String text, int start, int end) {
		return !(latin(text.charAt(start)) && start > 0 && latin(text.charAt(start - 1)))
				&& !(latin(text.charAt(end - 1)) && end < text.length() && latin(text.charAt(end)));
	}

	private static boolean latin(char c) {
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
	}

	private static void read(String rules, double credit, Map<String, Group> bySurface) {
		Map<String, Group> added = new HashMap<>();
		int lineNumber = 0;
		for (String line : rules.split("\\R")) {
			lineNumber++;
			String rule = line.strip();
			if (rule.isEmpty() || rule.startsWith("#")) {
				continue;
			}
			String[] sides = rule.split("=>", -1);
			if (sides.length > 2) {
				throw new IllegalArgumentException("Synonym line " + lineNumber + " has more than one =>: " + line);
			}
			List<String> from = words(sides[0]);
			List<String> to = sides.length == 2 ? words(sides[1]) : from;
			if (from.isEmpty() || to.isEmpty()) {
				throw new IllegalArgumentException("Synonym line " + lineNumber + " names no word: " + line);
			}
			for (String word : from) {
				if (bySurface.containsKey(word)) {
					// an earlier source (the administrators' own rules) defines it
					continue;
				}
				Set<String> variants = new LinkedHashSet<>();
				variants.add(word);
				Group earlier = added.get(word);
				if (earlier != null) {
					variants.addAll(earlier.variants());
				}
				variants.addAll(to);
				added.put(word, new Group(Set.copyOf(variants), credit));
			}
		}
		bySurface.putAll(added);
	}

	private static List<String> words(String side) {
		List<String> words = new ArrayList<>();
		for (String word : side.split(",")) {
			String normalized = JapaneseAnalysis.normalize(word.strip()).replaceAll("\\s+", "");
			if (!normalized.isEmpty()) {
				words.add(normalized);
			}
		}
		return words;
	}
}
