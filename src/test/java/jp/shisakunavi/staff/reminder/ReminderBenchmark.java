package jp.shisakunavi.staff.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryStatus;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.plan.PlanImporter;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.system.MongoServerProcess;

/**
 * One reminder wave at national scale: a round in each of 1,741 municipalities with 50 units each (one plan per
 * city, six departments), 20,000 staff; the time to derive the obligations, to decide and order the day's wave, and
 * to plan and send it to a fake LINE that allows 200 multicasts per second like LINE, and the service's peak heap.
 * The database runs in a process of its own, so that only the service's memory is measured. Not a test:
 * {@code ./mvnw -B test -Dtest=ReminderBenchmark -Dbenchmark} ({@code -Dbenchmark.municipalities=100
 * -Dbenchmark.staff=1150} for a smaller run).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
@SpringBootTest
@Import(SimulatedClock.Configuration.class)
class ReminderBenchmark {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final List<String> DEPARTMENTS = List.of("情報課", "企画課", "市民課", "福祉課", "防災課", "教育総務課");
	static final int UNITS = 50;
	static final FakeLine fake = FakeLine.start();
	static Process database;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Path log = Files.createTempFile("reminder-benchmark-db", ".log");
		database = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx8g", "-cp",
				System.getProperty("java.class.path"), MongoServerProcess.class.getName())
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		String port = null;
		for (int i = 0; i < 600 && port == null; i++) {
			port = Files.readAllLines(log).stream().filter(l -> l.startsWith("port=")).map(l -> l.substring(5)).findFirst()
				.orElse(null);
			Thread.sleep(100);
		}
		String found = port;
		registry.add("shisaku.mongodb-uri", () -> "mongodb://127.0.0.1:" + found + "/bench");
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("line.bot.channel-secret", () -> "bench-secret");
		registry.add("line.bot.channel-token", () -> "bench-token");
		registry.add("line.bot.api-end-point", fake::baseUrl);
		registry.add("line.bot.blob-end-point", fake::baseUrl);
		registry.add("shisaku.delivery.poll-interval", () -> "200ms");
		// the search index is not what is measured: not rebuilt for the benchmark's plans
		registry.add("shisaku.search.rebuild-delay", () -> "PT10H");
	}

	@Autowired
	SimulatedClock clock;

	@Autowired
	PlanImporter importer;

	@Autowired
	Rounds rounds;

	@Autowired
	Obligations obligations;

	@Autowired
	Deliveries deliveries;

	@Autowired
	ReminderSchedule schedule;

	@Autowired
	MongoTemplate mongo;

	@AfterAll
	static void stop() {
		fake.close();
		database.destroyForcibly();
	}

	@Test
	void oneWaveToEveryMunicipality() {
		int municipalities = Integer.getInteger("benchmark.municipalities", 1741);
		int staffCount = Integer.getInteger("benchmark.staff", 20000);
		fake.checkOneIn(100);
		fake.limitRate(MULTICAST, 200);
		clock.set(LocalDateTime.of(2026, 3, 20, 10, 0));

		Instant setup = Instant.now();
		for (int city = 0; city < municipalities; city++) {
			importer.importFile("bench-" + city + ".yaml", plan(city).getBytes(StandardCharsets.UTF_8));
		}
		List<StaffMember> staff = staff(municipalities, staffCount);
		for (int from = 0; from < staff.size(); from += 1000) {
			mongo.insert(staff.subList(from, Math.min(staff.size(), from + 1000)), StaffMember.class);
		}
		Duration setupTime = Duration.between(setup, Instant.now());
		System.out.printf("benchmark: %,d plans and %,d staff stored in %.0f s%n", municipalities, staff.size(),
				seconds(setupTime));

		System.gc();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});

		Instant deriving = Instant.now();
		List<Round> opened = new ArrayList<>();
		for (int city = 0; city < municipalities; city++) {
			opened.add(rounds.open(new RoundDraft(city(city), "bench-" + city, 2020, LocalDate.of(2026, 4, 1),
					LocalDate.of(2026, 5, 8), List.of(), false, null), "benchmark"));
			if ((city + 1) % 100 == 0) {
				System.out.printf("benchmark: %,d rounds opened after %.0f s%n", city + 1,
						seconds(Duration.between(deriving, Instant.now())));
			}
		}
		Duration derive = Duration.between(deriving, Instant.now());
		long derived = opened.stream().mapToLong(r -> obligations.ofRound(r.id()).size()).sum();

		// two business days overdue: reporters and heads
		clock.set(LocalDateTime.of(2026, 5, 12, 7, 0));
		Instant deciding = Instant.now();
		schedule.run(clock.instant());
		Duration decide = Duration.between(deciding, Instant.now());
		List<DeliveryStatus> wave = deliveries.recent(10 * municipalities).stream()
			.filter(d -> d.kind().equals(ReminderWave.KIND))
			.toList();
		System.out.printf("benchmark: %,d obligations derived in %.0f s, %,d deliveries ordered in %.1f s%n", derived,
				seconds(derive), wave.size(), seconds(decide));

		clock.set(LocalDateTime.of(2026, 5, 12, 8, 30));
		Instant sending = Instant.now();
		deliveries.wake();
		await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(10)).until(() -> {
			clock.advance(Duration.ofSeconds(2));
			long finished = wave.stream().filter(d -> deliveries.find(d.id()).orElseThrow().finished()).count();
			System.out.printf("benchmark: %,d of %,d deliveries finished after %.0f s, %,d multicasts%n", finished,
					wave.size(), seconds(Duration.between(sending, Instant.now())), fake.accepted(MULTICAST).size());
			return finished == wave.size();
		});
		Instant last = fake.accepted(MULTICAST).stream().map(FakeLine.Received::at).max(Instant::compareTo).orElseThrow();
		Duration send = Duration.between(sending, last);
		sampler.interrupt();

		long expected = staff.stream().filter(m -> m.role() != StaffRole.COORDINATOR).count();
		Map<String, Integer> received = fake.multicastRecipients();
		assertThat(received).hasSize((int) expected);
		assertThat(received.values()).containsOnly(1);
		assertThat(fake.violations()).isEmpty();
		long requests = fake.accepted(MULTICAST).size();
		long refused = fake.requests(MULTICAST).stream().filter(r -> r.status() == 429).count();

		System.out.println();
		System.out.println("| municipalities | units | obligations | staff | reminded | multicasts | deliveries | setup | derive obligations | decide and order | plan and send | LINE bound | 429s | heap before | peak heap |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		System.out.printf("| %,d | %d | %,d | %,d | %,d | %,d | %,d | %.0f s | %.1f s | %.1f s | %.1f s | %.1f s | %d | %d MB | %d MB |%n",
				municipalities, UNITS, derived, staff.size(), expected, requests, wave.size(), seconds(setupTime),
				seconds(derive), seconds(decide), seconds(send), requests / 200.0, refused, before >> 20, peak.get() >> 20);
		System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ (Runtime.getRuntime().maxMemory() >> 20) + " MB, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version") + ")");
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static String city(int city) {
		return String.format("試験%04d市", city);
	}

	/** A plan of 50 measures, each rated for FY2019 for one of six departments. */
	private static String plan(int city) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("id: bench-").append(city).append('\n')
			.append("municipality: ").append(city(city)).append('\n')
			.append("prefecture: 試験県\n")
			.append("title: ").append(city(city)).append("情報化計画\n")
			.append("period: {from: 2019, to: 2021}\n")
			.append("pillarLabel: 基本施策\nmeasureLabel: 施策\n")
			.append("ratingScheme:\n")
			.append("  - {symbol: A, meaning: 目標以上に実施, state: ongoing}\n")
			.append("  - {symbol: B, meaning: 目標どおりに実施, state: ongoing}\n")
			.append("  - {symbol: C, meaning: 目標に向けて実施, state: ongoing}\n")
			.append("  - {symbol: Y, meaning: 目標どおりに達成, state: completed}\n")
			.append("pillars:\n  - number: \"1\"\n    title: 行政のデジタル化\n    measures:\n");
		for (int unit = 1; unit <= UNITS; unit++) {
			String department = DEPARTMENTS.get((unit - 1) % DEPARTMENTS.size());
			yaml.append("      - id: bench-").append(city).append('-').append(unit).append('\n')
				.append("        number: \"(").append(unit).append(")\"\n")
				.append("        title: 施策").append(unit).append("の推進（").append(department).append("）\n")
				.append("        departments:\n          - {name: ").append(department).append(", role: lead}\n")
				.append("        evaluations:\n          - fiscalYear: 2019\n            rating: \"B\"\n")
				.append("            department: ").append(department).append('\n')
				.append("            progress: 予定どおり進めました。\n");
		}
		return yaml.toString();
	}

	/**
	 * Staff spread over the cities in turn: six reporters (one per department), four heads, a coordinator, then
	 * further reporters of the first department until the count is reached.
	 */
	private static List<StaffMember> staff(int municipalities, int count) {
		Instant registered = Instant.parse("2026-03-01T00:00:00Z");
		return IntStream.range(0, count).mapToObj(i -> {
			int city = i % municipalities;
			int place = i / municipalities;
			StaffRole role = place < 6 || place > 10 ? StaffRole.REPORTER : place < 10 ? StaffRole.HEAD : StaffRole.COORDINATOR;
			String department = place < 6 ? DEPARTMENTS.get(place) : place < 10 ? DEPARTMENTS.get(place - 6)
					: DEPARTMENTS.get(0);
			return new StaffMember("bench-staff-" + i, String.format("U%032x", i), "", city(city), List.of(department), role,
					"bench-invitation-" + i, registered, null);
		}).toList();
	}

}
