package jp.shisakunavi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoCollection;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.system.MongoServerProcess;
import jp.shisakunavi.plan.RatingChange;

/**
 * How fast one rating change reaches 100,000 and 1,000,000 followers through a fake LINE that, like LINE,
 * allows 200 multicasts per second, compared with that limit's lower bound (followers / 500 / 200 s), and how
 * much heap the service holds meanwhile. The database runs in a process of its own so that only the service's
 * memory is measured. Not a test: {@code ./mvnw -B test -Dtest=NotifyBenchmark -Dbenchmark}
 * ({@code -Dbenchmark.followers=100000,1000000} to choose the sizes).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
@SpringBootTest
class NotifyBenchmark {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final FakeLine fake = FakeLine.start();
	static Process database;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		// its log goes to a file: an unread pipe would fill up and stop the server
		Path log = Files.createTempFile("notify-benchmark-db", ".log");
		database = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx8g", "-cp",
				System.getProperty("java.class.path"), MongoServerProcess.class.getName())
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		String port = null;
		for (int i = 0; i < 600 && port == null; i++) {
			port = Files.readAllLines(log).stream().filter(l -> l.startsWith("port=")).map(l -> l.substring(5)).findFirst()
				.orElse(null);
			sleep(100);
		}
		String found = port;
		registry.add("shisaku.mongodb-uri", () -> "mongodb://127.0.0.1:" + found + "/bench");
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("line.bot.channel-secret", () -> "bench-secret");
		registry.add("line.bot.channel-token", () -> "bench-token");
		registry.add("line.bot.api-end-point", fake::baseUrl);
		registry.add("line.bot.blob-end-point", fake::baseUrl);
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.notify.coalesce", () -> "0s");
		registry.add("shisaku.delivery.poll-interval", () -> "200ms");
		registry.add("shisaku.notify.daily-cap", () -> System.getProperty("benchmark.cap", "3"));
		registry.add("shisaku.delivery.quota-check-from", () -> "1000");
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Notifications deliveries;

	@AfterAll
	static void stop() {
		fake.close();
		database.destroyForcibly();
	}

	@Test
	void oneChangeToManyFollowers() throws Exception {
		List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.followers", "100000,1000000").split(","))
			.map(String::trim).map(Integer::parseInt).toList();
		String recording = System.getProperty("benchmark.jfr");
		jdk.jfr.Recording profile = recording == null ? null
				: new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
		if (profile != null) {
			profile.start();
		}
		List<String> rows = new ArrayList<>();
		for (int followers : sizes) {
			rows.add(run(followers, false));
			rows.add(run(followers, true));
		}
		System.out.println();
		System.out.println("| followers | batches | lower bound | planned after | all handed over after | vs bound | 429s | heap before | peak heap | heap after GC | CPU service / database |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		System.out.println("(\"planned ahead\": planned while sending waits, as outside the send window; times from the start of sending)");
		rows.forEach(System.out::println);
		if (profile != null) {
			profile.dump(Path.of(recording));
			profile.close();
		}
		System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version") + ")");
	}

	/**
	 * One change to the followers: planned and sent at once (sending follows planning chunk by chunk), or planned
	 * ahead while sending waits, as it does outside the send window, and then sent.
	 */
	private String run(int followers, boolean plannedAhead) throws Exception {
		mongo.dropCollection("delivery_chunks");
		mongo.dropCollection("deliveries");
		mongo.dropCollection("daily_counts");
		fake.reset();
		fake.checkOneIn(Integer.MAX_VALUE);
		fake.limitRate(MULTICAST, 200);
		if (mongo.count(new org.springframework.data.mongodb.core.query.Query(), Subscriber.class) != followers + followers / 100) {
			mongo.dropCollection(Subscriber.class);
			mongo.dropCollection("line_users");
			seed(followers);
		}
		if (plannedAhead) {
			// as LINE's monthly limit would: every sender waits until an administrator resumes
			mongo.save(new Document("_id", "quota").append("until", java.util.Date.from(Instant.now().plusSeconds(3600)))
				.append("reason", "benchmark: sending waits until planning is done"), "delivery_state");
		}

		System.gc();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = memory.getHeapMemoryUsage().getUsed();
		// CPU time, unlike wall time, hardly depends on what else the machine runs: the measure for comparing versions
		Duration serviceCpuBefore = serviceCpu();
		Duration databaseCpuBefore = databaseCpu();
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

		RatingChange change = NotifyFixture.record(mongo, events,
				NotifyFixture.change(NotifyFixture.BOUSAI, NotifyFixture.BOUSAI_TITLE, "B", "A"));
		Instant start = Instant.now();
		if (plannedAhead) {
			await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> deliveries.ofChange(change.id()).map(r -> r.plannedAt() != null).orElse(false));
			start = Instant.now();
			deliveries.resumeAfterQuota();
		}
		await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> deliveries.ofChange(change.id())
			.map(r -> r.state().equals("SENT") && r.recipientsSent() == followers).orElse(false));
		sampler.interrupt();
		DeliveryReport report = deliveries.ofChange(change.id()).orElseThrow();
		Instant last = fake.accepted(MULTICAST).stream().map(FakeLine.Received::at).max(Instant::compareTo).orElseThrow();
		Duration serviceCpu = serviceCpu().minus(serviceCpuBefore);
		Duration databaseCpu = databaseCpu().minus(databaseCpuBefore);
		System.gc();
		long after = memory.getHeapMemoryUsage().getUsed();

		Map<String, Integer> received = fake.multicastRecipients();
		assertThat(received).hasSize(followers);
		assertThat(received.values()).containsOnly(1);
		assertThat(IntStream.range(followers, followers + followers / 100).mapToObj(NotifyBenchmark::userId))
			.as("users who blocked the account").noneMatch(received::containsKey);
		long refused = fake.requests(MULTICAST).stream().filter(r -> r.status() == 429).count();
		double bound = followers / 500.0 / 200.0;
		double handedOver = Duration.between(start, last).toMillis() / 1000.0;
		double planned = Duration.between(report.createdAt(), report.plannedAt()).toMillis() / 1000.0;
		return String.format("| %,d%s | %,d | %.1f s | %.1f s | %.1f s | %+.0f%% | %d | %d MB | %d MB | %d MB | %.1f / %.1f s |", followers,
				plannedAhead ? " planned ahead" : "",
				report.batchesSent(), bound, planned, handedOver, (handedOver / bound - 1) * 100, refused, mb(before),
				mb(peak.get()), mb(after), serviceCpu.toMillis() / 1000.0, databaseCpu.toMillis() / 1000.0);
	}

	/**
	 * The followers, each a LINE user who follows the account (so that reachability is read as it would be), and
	 * one in a hundred more who follow the measure but blocked the account.
	 */
	private void seed(int followers) {
		MongoCollection<Document> subscriptions = mongo.getCollection(mongo.getCollectionName(Subscriber.class));
		MongoCollection<Document> users = mongo.getCollection("line_users");
		List<String> topics = List.of(Topic.measure(NotifyFixture.BOUSAI).key());
		List<Document> followed = new ArrayList<>();
		List<Document> known = new ArrayList<>();
		java.util.Date now = new java.util.Date();
		for (int i = 0; i < followers + followers / 100; i++) {
			String userId = userId(i);
			followed.add(new Document("_id", userId).append("topics", topics));
			known.add(new Document("_id", userId).append("following", i < followers).append("createdAt", now)
				.append("updatedAt", now));
			if (followed.size() == 10_000) {
				subscriptions.insertMany(followed);
				users.insertMany(known);
				followed.clear();
				known.clear();
			}
		}
		if (!followed.isEmpty()) {
			subscriptions.insertMany(followed);
			users.insertMany(known);
		}
	}

	private static String userId(int i) {
		return "U" + UUID.nameUUIDFromBytes(Integer.toString(i).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	/** The CPU time of this JVM, which holds the service and the fake LINE. */
	private static Duration serviceCpu() {
		return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime());
	}

	private static Duration databaseCpu() {
		return database.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static long mb(long bytes) {
		return bytes / (1 << 20);
	}
}
