package jp.shisakunavi.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.plan.Department;
import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Section;

/**
 * The benchmark command: {@code ./mvnw -B test -Dtest=SearchBenchmark -Dbenchmark} prints the p50/p99 latency
 * of a search over the built-in data (the development set's questions, after warm-up), then builds an index of
 * 100,000 synthetic measures (sentences of the built-in data recombined) and prints its build time, the heap it
 * holds and the search latency on it. It measures; it asserts nothing about speed.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
@SpringBootTest(properties = "shisaku.faq-dir=faq")
class SearchBenchmark {

	private static final int SYNTHETIC_MEASURES = 100_000;

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

	@Test
	void measure() {
		List<DevSet> questions = DevSet.open();
		System.out.printf(Locale.ROOT, "Machine: %d cores, max heap %d MB, %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		System.out.println("Built-in data: " + index.snapshot().size() + " units; " + latency(search, questions));

		IndexSnapshot builtin = index.snapshot();
		long before = usedHeap();
		long start = System.nanoTime();
		IndexSnapshot synthetic = synthetic(builtin);
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		long heap = usedHeap() - before;
		System.out.printf(Locale.ROOT, "Synthetic: %d units built in %d ms, heap held %d MB%n", synthetic.size(),
				buildMillis, heap >> 20);
		System.out.println("Synthetic: " + latency(new Search(() -> synthetic, 0.5, 0.35), questions));
	}

	private static String latency(Search search, List<DevSet> questions) {
		for (int round = 0; round < 3; round++) {
			questions.forEach(q -> search.answer(new Question(q.q(), q.city(), 5)));
		}
		List<Long> nanos = new ArrayList<>();
		List<Long> cpu = new ArrayList<>();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int round = 0; round < 5; round++) {
			for (DevSet q : questions) {
				long start = System.nanoTime();
				long startCpu = threads.getCurrentThreadCpuTime();
				search.answer(new Question(q.q(), q.city(), 5));
				cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
				nanos.add(System.nanoTime() - start);
			}
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] sortedCpu = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
		// On a machine shared with other builds the wall time's tail is the scheduler's; the CPU time is the search's.
		return String.format(Locale.ROOT,
				"%d searches: p50 %.2f ms, p99 %.2f ms, max %.2f ms (CPU time: p50 %.2f ms, p99 %.2f ms; load average %.1f)",
				sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
				percentile(sortedCpu, 0.50), percentile(sortedCpu, 0.99),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	/** 100,000 measures over ten cities, recombining the titles and sentences of the built-in data. */
	private static IndexSnapshot synthetic(IndexSnapshot builtin) {
		List<String> titles = builtin.units().stream().map(Unit::title).toList();
		List<String> sentences = builtin.units().stream()
			.flatMap(u -> Arrays.stream(u.body().split("[。\n]")))
			.filter(s -> s.length() > 8)
			.toList();
		Random random = new Random(42);
		List<Plan> plans = new ArrayList<>();
		Map<String, List<Measure>> measures = new HashMap<>();
		int cities = 10;
		for (int c = 0; c < cities; c++) {
			String id = "synthetic-" + c;
			plans.add(new Plan(id, "合成" + c + "市", null, null, "合成" + c + "市情報化計画", null, new Plan.Period(2021, 2025),
					null, null, "基本施策", "施策", null, null, SearchFixture.TAJIMI,
					List.of(new Pillar("1", "柱", null, List.of())), null, null, true));
			List<Measure> list = new ArrayList<>();
			for (int m = 0; m < SYNTHETIC_MEASURES / cities; m++) {
				String body = String.join("。", List.of(pick(sentences, random), pick(sentences, random),
						pick(sentences, random), pick(sentences, random), pick(sentences, random)));
				list.add(new Measure(id + "-1-" + m, id, "合成" + c + "市", "1", null,
						pick(titles, random) + " " + (m % 97), List.of(new Department("課" + (m % 40), null)),
						List.of(), null, false, List.of(), List.of(new Section("実績", body)), List.of(),
						List.of(new Evaluation(2022, "ABC".substring(m % 3, m % 3 + 1), null, null, null, null)),
						List.of(), List.of()));
			}
			measures.put(id, list);
		}
		return SearchIndex.build(plans, measures::get, List.of(), Vocabulary.defaults());
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}
}
