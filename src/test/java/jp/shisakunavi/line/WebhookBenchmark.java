package jp.shisakunavi.line;

import static jp.shisakunavi.linefake.LineWebhook.body;
import static jp.shisakunavi.linefake.LineWebhook.sign;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.LineWebhook;

/**
 * The webhook benchmark: {@code ./mvnw -B test -Dtest=WebhookBenchmark -Dbenchmark}. Drives {@code /callback} with
 * signed requests (one varied question per event) at fixed rates, at saturation and in a burst at twice the
 * saturation rate, against the fake LINE on the same machine, and prints throughput, ack latency (webhook answer)
 * and end-to-end latency (webhook sent → reply reaching the fake LINE), and the CPU time of the whole JVM per
 * answer. The fake LINE checks one reply in 20 against LINE's OpenAPI file (that check costs nearly as much CPU
 * as the search, and the real LINE does not run on our cores). Not part of the test run.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookBenchmark {

	static final String SECRET = "benchmark-secret";
	/** Milliseconds a refused client waits before it sends again. */
	static final long REFUSED_PAUSE = 100;
	static final FakeLine line = FakeLine.start();
	static final String[] QUESTIONS = { "多治見市の防災アプリはいつ導入されたの？", "マイナカードはコンビニで使える？", "評価Cってどういう意味",
			"茅ヶ崎市のオープンデータはどうなった", "小山市のスマート農業の予定は", "RPAとは", "多治見市で評価がCの施策は？",
			"ぼうさいあぷり", "GIGAスクール構想とは", "各務原市のテレワーク", "公衆無線LANの整備", "こんにちは" };

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("line.bot.channel-secret", () -> SECRET);
		registry.add("line.bot.channel-token", () -> "token");
		registry.add("line.bot.api-end-point", line::baseUrl);
		registry.add("line.bot.blob-end-point", line::baseUrl);
	}

	@AfterAll
	static void stop() {
		line.close();
	}

	@AfterEach
	void closeClient() throws IOException {
		http.close();
	}

	@LocalServerPort
	int port;

	/**
	 * The load generator's client: blocking calls on keep-alive connections from a pool. (The JDK's
	 * asynchronous client took a quarter of the CPU of the whole benchmark, and its compilation most of the JIT's.)
	 */
	final CloseableHttpClient http = HttpClients.custom()
		.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(512).setMaxConnPerRoute(512).build())
		.disableAutomaticRetries()
		.build();
	final Map<String, Long> sentAt = new ConcurrentHashMap<>();
	final AtomicInteger counter = new AtomicInteger();

	@Test
	void measure() throws Exception {
		// -Dbenchmark.checkOneIn=1 checks every reply against LINE's OpenAPI file, as the tests do.
		line.checkOneIn(Integer.getInteger("benchmark.checkOneIn", 20));
		// Two minutes, so that the JIT compilers have done their work before measuring: a service runs for days,
		// and on two shared cores the compiler threads take as much CPU as answering in the first minute or two
		// (-Dbenchmark.warmup=<seconds> to change it). The last 20 seconds at saturation, because a saturated
		// service takes other paths (refusals, full queues) that the compilers have to see first.
		int warmup = Integer.getInteger("benchmark.warmup", 120);
		System.out.println(run("warm-up 100/s", 100, Duration.ofSeconds(Math.max(1, warmup - 20))));
		System.out.println(saturate("warm-up at saturation", Duration.ofSeconds(Math.min(20, warmup))));
		// -Dbenchmark.jfr=<file> records what follows the warm-up with JFR's low-overhead settings (the "profile"
		// settings record every exception thrown, which makes the JIT compile again and the service slower), with
		// the compilations and deoptimizations.
		String recording = System.getProperty("benchmark.jfr");
		jdk.jfr.Recording profile = recording == null ? null
				: new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
		if (profile != null) {
			profile.enable("jdk.Compilation").withThreshold(Duration.ZERO);
			profile.enable("jdk.Deoptimization");
			profile.start();
		}
		System.out.println(run("fixed 100/s", 100, Duration.ofSeconds(10)));
		System.out.println(run("fixed 200/s", 200, Duration.ofSeconds(10)));
		Result saturation = saturate("saturation (64 clients)", Duration.ofSeconds(10));
		System.out.println(saturation);
		int burstRate = (int) Math.max(50, saturation.throughput() * 2);
		System.out.println(run("burst " + burstRate + "/s (2× saturation)", burstRate, Duration.ofSeconds(10)));
		System.out.println(run("after the burst 100/s", 100, Duration.ofSeconds(5)));
		if (profile != null) {
			profile.dump(Path.of(recording));
			profile.close();
		}
	}

	/** Open loop: one request every 1/rate seconds, whatever the answers. */
	private Result run(String name, int rate, Duration length) throws Exception {
		line.reset();
		Usage before = Usage.now();
		List<Long> acks = Collections.synchronizedList(new ArrayList<>());
		List<String> tokens = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		long total = rate * length.toSeconds();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long due = start + i * 1_000_000_000L / rate;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				senders.submit(() -> send(acks, tokens));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return collect(name, total / seconds, acks, tokens, before);
	}

	/**
	 * Closed loop: 64 clients send as fast as they get answers. A client whose webhook is refused (503) waits
	 * before it sends again, as LINE does (it redelivers later), instead of spinning on refusals.
	 */
	private Result saturate(String name, Duration length) throws Exception {
		line.reset();
		Usage before = Usage.now();
		List<Long> acks = Collections.synchronizedList(new ArrayList<>());
		List<String> tokens = Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + length.toNanos();
		long start = System.nanoTime();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < 64; c++) {
				clients.submit(() -> {
					while (System.nanoTime() < end) {
						if (send(acks, tokens) != 200) {
							Thread.sleep(REFUSED_PAUSE);
						}
					}
					return null;
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return collect(name, tokens.size() / seconds, acks, tokens, before);
	}

	/** @return the webhook's HTTP status */
	private int send(List<Long> acks, List<String> tokens) throws Exception {
		Map<String, Object> event = LineWebhook.text(LineWebhook.userId(), QUESTIONS[counter.getAndIncrement() % QUESTIONS.length]);
		String token = (String) event.get("replyToken");
		byte[] body = body(List.of(event));
		HttpPost request = new HttpPost("http://127.0.0.1:" + port + "/callback");
		request.setHeader("x-line-signature", sign(SECRET, body));
		request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		long t0 = System.nanoTime();
		sentAt.put(token, System.currentTimeMillis());
		int status = http.execute(request, response -> {
			EntityUtils.consume(response.getEntity());
			return response.getCode();
		});
		acks.add(System.nanoTime() - t0);
		if (status == 200) {
			tokens.add(token);
		}
		return status;
	}

	private Result collect(String name, double offered, List<Long> acks, List<String> tokens, Usage before)
			throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		while (line.accepted("/v2/bot/message/reply").size() < tokens.size() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		Usage used = Usage.now().since(before);
		List<Long> endToEnd = new ArrayList<>();
		for (FakeLine.Received reply : line.accepted("/v2/bot/message/reply")) {
			Long sent = sentAt.get(reply.replyToken());
			if (sent != null) {
				endToEnd.add((reply.at().toEpochMilli() - sent) * 1_000_000);
			}
		}
		int answered = endToEnd.size();
		return new Result(name, offered, acks.size(), tokens.size(), answered, percentile(acks, 50), percentile(acks, 99),
				percentile(endToEnd, 50), percentile(endToEnd, 99), used.cpuMillis() / Math.max(1, answered), used.jitMillis(),
				line.violations().size());
	}

	/**
	 * CPU time of this whole JVM (service, fake LINE and load generator share it, as they share the cores), and
	 * the wall time the JIT compilers spent compiling (long while they are starved of CPU, so not CPU time).
	 */
	record Usage(long cpuNanos, long jitMillis) {

		static Usage now() {
			return new Usage(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime(), ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
		}

		Usage since(Usage before) {
			return new Usage(cpuNanos - before.cpuNanos, jitMillis - before.jitMillis);
		}

		double cpuMillis() {
			return cpuNanos / 1e6;
		}
	}

	private static double percentile(List<Long> nanos, int p) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	record Result(String name, double throughput, int sent, int accepted, int answered, double ackP50, double ackP99,
			double endToEndP50, double endToEndP99, double cpuPerAnswer, long jitMillis, int violations) {

		@Override
		public String toString() {
			return String.format("%-32s %7.1f req/s  sent %6d  accepted %6d  answered %6d  ack p50 %6.1f ms p99 %7.1f ms  "
					+ "end-to-end p50 %7.1f ms p99 %8.1f ms  CPU %5.2f ms/answer (JIT wall %d ms)  invalid %d", name,
					throughput, sent, accepted, answered, ackP50, ackP99, endToEndP50, endToEndP99, cpuPerAnswer, jitMillis,
					violations);
		}
	}
}
