package jp.shisakunavi.questions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Groups questions that mean the same thing, within one city and one review state. Two questions are in one group
 * when their texts are the same once normalized as the search normalizes them (全角/半角, case, ヶ/ケ, spaces and
 * punctuation), or when their content words — what the search would look for, without the city, year, rating and
 * question words — overlap by at least half ({@value #OVERLAP} of the words of either together); groups join
 * through any such pair. So 「防災アプリはいつから？」 and 「防災アプリ いつから」 are one wording, and 「防災アプリの
 * 導入時期」 joins them through 防災アプリ and 導入.
 */
final class Grouping {

	static final double OVERLAP = 0.5;
	static final int EXAMPLES = 5;
	private static final int TERMS = 5;
	private static final int CANDIDATES = 3;

	private Grouping() {
	}

	static List<ReviewGroup> of(List<LoggedQuestion> questions) {
		Map<Object, List<LoggedQuestion>> partitions = questions.stream()
			.collect(Collectors.groupingBy(q -> List.of(Objects.toString(q.municipality()), stateOf(q.review())),
					LinkedHashMap::new, Collectors.toList()));
		List<ReviewGroup> groups = new ArrayList<>();
		partitions.values().forEach(partition -> groups.addAll(group(partition)));
		groups.sort(Comparator.comparingInt(ReviewGroup::count).reversed().thenComparing(ReviewGroup::latest,
				Comparator.reverseOrder()));
		return groups;
	}

	/** The review as grouping compares it: questions handled differently are not one row. */
	private static String stateOf(Review review) {
		return review == null ? "" : review.action() + "/" + review.progress() + "/" + review.department() + "/" + review.target();
	}

	private static List<ReviewGroup> group(List<LoggedQuestion> questions) {
		// One node per normalized wording; the inverted index of words finds the pairs worth comparing.
		Map<String, List<LoggedQuestion>> wordings = questions.stream()
			.collect(Collectors.groupingBy(q -> q.normalized() == null ? q.text() : q.normalized(), LinkedHashMap::new,
					Collectors.toList()));
		List<String> nodes = new ArrayList<>(wordings.keySet());
		List<Set<String>> terms = nodes.stream().map(n -> Set.copyOf(wordings.get(n).getFirst().terms())).toList();
		int[] parent = new int[nodes.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		Map<String, List<Integer>> byTerm = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			for (String term : terms.get(i)) {
				byTerm.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
			}
		}
		for (int i = 0; i < nodes.size(); i++) {
			Set<Integer> compared = new HashSet<>();
			for (String term : terms.get(i)) {
				for (int j : byTerm.get(term)) {
					if (j > i && compared.add(j) && overlap(terms.get(i), terms.get(j)) >= OVERLAP) {
						parent[find(parent, j)] = find(parent, i);
					}
				}
			}
		}
		Map<Integer, List<LoggedQuestion>> joined = new LinkedHashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			joined.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).addAll(wordings.get(nodes.get(i)));
		}
		return joined.values().stream().map(Grouping::row).toList();
	}

	static double overlap(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		long shared = a.stream().filter(b::contains).count();
		return (double) shared / (a.size() + b.size() - shared);
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static ReviewGroup row(List<LoggedQuestion> members) {
		List<String> byFrequency = mostFirst(members.stream().map(LoggedQuestion::text).toList());
		List<String> terms = members.stream().flatMap(q -> q.terms().stream())
			.collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
			.entrySet().stream()
			.filter(e -> e.getValue() * 2 >= members.size())
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(TERMS)
			.map(Map.Entry::getKey)
			.toList();
		LoggedQuestion oldest = members.stream().min(Comparator.comparing(LoggedQuestion::at)).orElseThrow();
		return new ReviewGroup(oldest.id(), oldest.municipality(), byFrequency.getFirst(),
				byFrequency.subList(0, Math.min(EXAMPLES, byFrequency.size())), terms, members.size(),
				(int) members.stream().map(LoggedQuestion::asker).filter(Objects::nonNull).distinct().count(),
				(int) members.stream().filter(q -> q.outcome() == Outcome.NOT_ANSWERED).count(),
				(int) members.stream().filter(q -> q.outcome() == Outcome.ASKED_BACK).count(),
				(int) members.stream().filter(q -> q.feedback() == Feedback.NOT_HELPFUL).count(),
				members.stream().map(LoggedQuestion::at).max(Comparator.naturalOrder()).orElseThrow(),
				members.stream().map(LoggedQuestion::id).toList(), oldest.review(), candidates(members, true),
				candidates(members, false));
	}

	/** The FAQ entries (or the measures and items) the search offered for the questions, most often first. */
	private static List<LoggedQuestion.Candidate> candidates(List<LoggedQuestion> members, boolean faq) {
		return members.stream()
			.flatMap(q -> Stream.concat(Stream.ofNullable(q.first()), q.runnersUp().stream()))
			.filter(c -> "faq".equals(c.type()) == faq)
			.collect(Collectors.groupingBy(LoggedQuestion.Candidate::id, LinkedHashMap::new, Collectors.toList()))
			.values().stream()
			.sorted(Comparator.comparingInt((List<LoggedQuestion.Candidate> c) -> c.size()).reversed())
			.limit(CANDIDATES)
			.map(List::getFirst)
			.toList();
	}

	/** Distinct texts, the most frequent first (ties: the shorter, then as written). */
	private static List<String> mostFirst(List<String> texts) {
		return texts.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed()
				.thenComparing(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.toList();
	}
}
