package jp.shisakunavi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evaluation command: {@code ./mvnw -B test -Dtest=DevSetEvaluation -Deval} starts the service on the
 * embedded MongoDB with the built-in plans and FAQ, asks every question of every evaluation set
 * ({@link DevSet#all()}) and prints, per set, accuracy@1, recall@3, MRR, the out-of-scope rejection rate, intents,
 * complete and exact lists and rating meanings answered, for this search and for the baseline (stock
 * JapaneseAnalyzer, no query understanding). {@code -Deval=verbose} also prints every miss of the open sets.
 * Sealed splits (untouched-*.yaml, holdout-*.yaml) print their aggregate figures only, whatever is asked.
 */
@EnabledIfSystemProperty(named = "eval", matches = ".*")
@SpringBootTest(properties = "shisaku.faq-dir=faq")
class DevSetEvaluation {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	@Autowired
	Search search;

	@Autowired
	SearchIndex index;

	/**
	 * What one question got.
	 *
	 * @param ranked the results of an answer, best first; empty when not answered
	 * @param offered what an ask-back offered instead of an answer
	 * @param listed the ids of a list answer, or null where lists are not told apart (the baseline)
	 */
	record Outcome(List<String> ranked, List<String> offered, boolean answered, Intent intent, List<String> listed,
			boolean meaningAnswered, String detail) {
	}

	record Metrics(int units, double accuracy, double recall3, double mrr, int askedBack, int outOfScope,
			double rejection, int intents, double intentAccuracy, int lists, double listComplete, double listExact,
			int meanings, double meaningAnswered) {

		String line(String name) {
			return String.format(Locale.ROOT,
					"  %-8s accuracy@1 %.3f  recall@3 %.3f  MRR %.3f  (n=%d, asked back %d) | rejection %.3f (n=%d)"
							+ " | intent %.3f (n=%d) | lists complete %.3f exact %.3f (n=%d) | rating meanings answered %.3f (n=%d)",
					name, accuracy, recall3, mrr, units, askedBack, rejection, outOfScope, intentAccuracy, intents,
					listComplete, listExact, lists, meaningAnswered, meanings);
		}
	}

	@Test
	void evaluate() {
		List<Unit> units = index.snapshot().units();
		boolean verbose = "verbose".equals(System.getProperty("eval"));
		BaselineSearch baseline = new BaselineSearch(units);
		List<DevSet.Split> splits = DevSet.all();
		for (DevSet.Split split : splits) {
			List<DevSet> questions = evaluable(split, units);
			Metrics ours = measure(questions, this::ask, verbose && !split.sealed());
			Metrics base = measure(questions, q -> {
				List<String> ids = baseline.search(q.q(), 3);
				return new Outcome(ids, List.of(), !ids.isEmpty(), null, null, false, "");
			}, false);
			System.out.println(split.name() + (split.sealed() ? " (sealed: figures only)" : "") + ": "
					+ split.questions().size() + " questions, " + questions.size() + " evaluated");
			System.out.println(ours.line("search"));
			System.out.println(base.line("baseline"));
		}
		calibration(DevSet.open().stream().flatMap(q -> evaluable(q, units).stream()).toList());
		assertThat(DevSet.load()).hasSizeGreaterThanOrEqualTo(150);
	}

	private Outcome ask(DevSet q) {
		Answer a = search.answer(new Question(q.q(), q.city(), 3));
		String detail = Stream.concat(a.results().stream(), a.suggestions().stream())
			.map(h -> h.id() + "=" + h.score())
			.toList() + " " + a.understood();
		List<String> ids = a.results().stream().map(Hit::id).toList();
		boolean meaning = a.intent() == Intent.RATING_MEANING && a.answered();
		List<String> offered = a.askBack() ? a.suggestions().stream().map(Hit::id).toList() : List.of();
		return new Outcome(a.answered() ? ids : List.of(), offered, a.answered(), a.intent(),
				a.intent() == Intent.LIST ? ids : List.of(), meaning, (a.askBack() ? "asked " : "") + detail);
	}

	/**
	 * The questions of a split that the built-in data can answer: a question about a plan that is not (yet) in
	 * the data cannot be answered right; it is left out and counted, rather than counted as a miss.
	 */
	private static List<DevSet> evaluable(DevSet.Split split, List<Unit> units) {
		List<DevSet> kept = split.questions().stream().flatMap(q -> evaluable(q, units).stream()).toList();
		long unresolved = split.questions().stream().filter(q -> unresolved(q, units)).count();
		if (unresolved > 0) {
			System.out.println(split.name() + ": " + unresolved + " questions name ids or titles not in the data");
		}
		if (!split.sealed()) {
			split.questions().stream().filter(q -> unresolved(q, units))
				.forEach(q -> System.out.println("UNRESOLVED " + q.q() + " " + q.expect()));
		}
		return kept;
	}

	private static List<DevSet> evaluable(DevSet question, List<Unit> units) {
		Set<String> known = units.stream().map(Unit::id).collect(Collectors.toSet());
		DevSet resolved = resolved(question, units);
		return resolved.expect().stream().allMatch(known::contains) && !aboutMissingCity(resolved, units)
				? List.of(resolved) : List.of();
	}

	private static boolean unresolved(DevSet question, List<Unit> units) {
		Set<String> known = units.stream().map(Unit::id).collect(Collectors.toSet());
		return !resolved(question, units).expect().stream().allMatch(known::contains);
	}

	/**
	 * How the confidence of the first result relates to its being right (reliability per band), and what each
	 * threshold would give: the figures the default threshold was chosen by (open sets only).
	 */
	private void calibration(List<DevSet> questions) {
		Search unfiltered = new Search(index::snapshot, 0.0, 0.0);
		record Top(double confidence, boolean right, boolean outOfScope) {
		}
		List<Top> tops = new ArrayList<>();
		for (DevSet q : questions) {
			if (!q.expectsUnits() && !q.outOfScope()) {
				continue;
			}
			Answer answer = unfiltered.answer(new Question(q.q(), q.city(), 1));
			if (answer.results().isEmpty()) {
				tops.add(new Top(0, false, q.outOfScope()));
				continue;
			}
			Hit first = answer.results().getFirst();
			tops.add(new Top(first.score(), q.expect().contains(first.id()), q.outOfScope()));
		}
		System.out.println("Calibration over the open sets (" + tops.size() + " questions):");
		double[] bands = { 0, 0.25, 0.5, 0.75, 1.0001 };
		for (int i = 0; i + 1 < bands.length; i++) {
			double low = bands[i];
			double high = bands[i + 1];
			List<Top> in = tops.stream().filter(t -> t.confidence() >= low && t.confidence() < high).toList();
			long right = in.stream().filter(Top::right).count();
			System.out.printf(Locale.ROOT, "  confidence %.2f-%.2f: %3d first results, %3d right (%.2f)%n", low,
					Math.min(high, 1), in.size(), right, in.isEmpty() ? 0 : (double) right / in.size());
		}
		for (double threshold = 0.3; threshold < 0.81; threshold += 0.05) {
			double t = threshold;
			long expecting = tops.stream().filter(top -> !top.outOfScope()).count();
			long right = tops.stream().filter(top -> !top.outOfScope() && top.right() && top.confidence() >= t).count();
			long oos = tops.stream().filter(Top::outOfScope).count();
			long rejected = tops.stream().filter(top -> top.outOfScope() && top.confidence() < t).count();
			System.out.printf(Locale.ROOT, "  threshold %.2f: accuracy@1 %.3f, rejection %.3f%n", t,
					(double) right / Math.max(1, expecting), (double) rejected / Math.max(1, oos));
		}
	}

	/** Replaces "title:<plan-id>:<title>" by the ids of the units with that title (spaces ignored). */
	private static DevSet resolved(DevSet question, List<Unit> units) {
		List<String> ids = question.expect().stream().flatMap(expected -> {
			if (!expected.startsWith("title:")) {
				return Stream.of(expected);
			}
			String[] parts = expected.split(":", 3);
			return units.stream()
				.filter(u -> parts[1].equals(u.planId()) && bare(u.title()).equals(bare(parts[2])))
				.map(Unit::id);
		}).distinct().toList();
		return new DevSet(question.q(), question.city(), ids.isEmpty() ? question.expect() : ids, question.intent(),
				question.count());
	}

	/** A list question naming a city (as the dev set writes them) whose plans are not in the data. */
	private static boolean aboutMissingCity(DevSet question, List<Unit> units) {
		Map<String, String> written = Map.of("茅ヶ崎", "茅ヶ崎市", "ちがさき", "茅ヶ崎市", "小山", "小山市", "おやま", "小山市");
		return question.count() != null && written.entrySet().stream()
			.anyMatch(city -> question.q().contains(city.getKey())
					&& units.stream().noneMatch(u -> city.getValue().equals(u.municipality())));
	}

	private static String bare(String title) {
		return JapaneseAnalysis.normalize(title).replaceAll("\\s", "");
	}

	private static Metrics measure(List<DevSet> questions, Function<DevSet, Outcome> ask, boolean verbose) {
		int units = 0, top1 = 0, top3 = 0, askedBack = 0, outOfScope = 0, rejected = 0, intents = 0,
				intentsRight = 0, lists = 0, listsComplete = 0, listsExact = 0, meanings = 0, meaningsAnswered = 0;
		double reciprocal = 0;
		List<String> misses = new ArrayList<>();
		for (DevSet q : questions) {
			Outcome outcome = ask.apply(q);
			if (q.expectsUnits()) {
				units++;
				List<String> ranked = outcome.answered() ? outcome.ranked() : outcome.offered();
				int rank = -1;
				for (int i = 0; i < ranked.size(); i++) {
					if (q.expect().contains(ranked.get(i))) {
						rank = i;
						break;
					}
				}
				boolean first = rank == 0 && outcome.answered();
				top1 += first ? 1 : 0;
				top3 += rank >= 0 && rank < 3 ? 1 : 0;
				reciprocal += rank >= 0 ? 1.0 / (rank + 1) : 0;
				askedBack += outcome.offered().isEmpty() ? 0 : 1;
				if (!first) {
					misses.add((outcome.offered().isEmpty() ? "MISS  " : "ASKED  ") + q.q() + " -> " + outcome.detail()
							+ " expected " + q.expect());
				}
			}
			if (q.outOfScope()) {
				outOfScope++;
				boolean refused = !outcome.answered() && outcome.offered().isEmpty();
				rejected += refused ? 1 : 0;
				if (!refused) {
					misses.add("ANSWERED  " + q.q() + " -> " + outcome.detail() + " " + outcome.intent());
				}
			}
			if (q.intent() != null && outcome.intent() != null) {
				intents++;
				boolean right = q.intent() == outcome.intent() || q.outOfScope() && !outcome.answered();
				intentsRight += right ? 1 : 0;
				if (!right) {
					misses.add("INTENT  " + q.q() + " -> " + outcome.intent() + " expected " + q.intent());
				}
			}
			if (q.isList() && outcome.listed() != null) {
				lists++;
				boolean isList = outcome.intent() == Intent.LIST;
				Set<String> listed = new HashSet<>(outcome.listed());
				boolean complete = isList && listed.containsAll(q.expect())
						&& (q.count() == null || listed.size() >= q.count());
				boolean exact = complete && (q.count() == null || listed.size() == q.count())
						&& (q.expect().isEmpty() || listed.equals(new HashSet<>(q.expect())));
				listsComplete += complete ? 1 : 0;
				listsExact += exact ? 1 : 0;
				if (!exact) {
					misses.add("LIST  " + q.q() + " -> " + (isList ? listed.size() : outcome.intent()) + " expected "
							+ (q.count() != null ? q.count() : q.expect()));
				}
			}
			if (q.intent() == Intent.RATING_MEANING && outcome.intent() != null) {
				meanings++;
				meaningsAnswered += outcome.meaningAnswered() ? 1 : 0;
			}
		}
		if (verbose) {
			misses.forEach(System.out::println);
		}
		return new Metrics(units, ratio(top1, units), ratio(top3, units), units == 0 ? 0 : reciprocal / units,
				askedBack, outOfScope, ratio(rejected, outOfScope), intents, ratio(intentsRight, intents), lists,
				ratio(listsComplete, lists), ratio(listsExact, lists), meanings, ratio(meaningsAnswered, meanings));
	}

	private static double ratio(int count, int of) {
		return of == 0 ? 0 : (double) count / of;
	}
}
