package jp.shisakunavi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.AdminApi;
import jp.shisakunavi.system.ServiceProcess;

/**
 * kill -9 at many points of a large evaluation import (733 rows: every rated unit and fiscal year of 多治見市 第4次
 * and 茅ヶ崎市), on the embedded database: before the request, while it is applied, right after its answer. After
 * each restart: no acknowledged row lost, no request half applied; at the end every change notified exactly once
 * to a LINE user who follows both cities. {@code -Dcrash.trials=24} for the documented run (default 3).
 */
class CrashTrialsTest {

	static final Duration WAIT = Duration.ofMinutes(3);
	static final Pattern DATABASE_PORT = Pattern.compile("Started the embedded MongoDB on 127\\.0\\.0\\.1:(\\d+)");
	static final Pattern SERVICE_PORT = Pattern.compile("Tomcat started on port (\\d+)");
	static final String FOLLOWER = "U" + "c".repeat(32);
	static final String PASSWORD = "crash-trials";
	/** Where, as a share of an import's duration, the service is killed; 0 before it is sent, 1 after the answer. */
	static final double[] POINTS = { 1.0, 0.0, 0.5, 0.9, 0.25, 0.75, 0.1, 0.6, 0.4, 0.95, 0.05, 0.3 };

	@TempDir
	Path dir;

	final HttpClient http = HttpClient.newHttpClient();
	final ObjectMapper json = new ObjectMapper();

	@Test
	void killedAtAnyPointOfAnImportNothingAcknowledgedIsLostNothingIsHalfDoneNothingSentTwice() throws Exception {
		int trials = Integer.getInteger("crash.trials", 3);
		Tally tally = new Tally();
		List<Service> started = new ArrayList<>();
		try (FakeLine line = new FakeLine()) {
			Service service = start(line, started);
			follow(service);
			List<Cell> cells = cells(service);
			long importTime = 0;
			for (int trial = 0; trial < trials; trial++) {
				double point = POINTS[trial % POINTS.length];
				Map<Cell, String> before = ratings(service, cells);
				Map<Cell, String> sent = ratingsOf(trial, cells);
				long begun = System.nanoTime();
				CompletableFuture<HttpResponse<String>> answer = http.sendAsync(importRequest(service, sent, trial),
						HttpResponse.BodyHandlers.ofString());
				if (point >= 1.0) {
					HttpResponse<String> response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
					importTime = Math.max(importTime, System.nanoTime() - begun);
					assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				}
				else if (point > 0) {
					TimeUnit.NANOSECONDS.sleep((long) (importTime * point));
				}
				service.process.kill();
				boolean acknowledged = answer.isDone() && !answer.isCompletedExceptionally()
						&& answer.get().statusCode() == 200;
				service.close();
				service = start(line, started);
				Map<Cell, String> after = ratings(service, cells);
				tally.count(point, acknowledged, before, sent, after,
						service.process.output().contains("that a crash had interrupted"));
			}
			awaitDelivered(service);
			tally.notifications(service, line);
		}
		finally {
			for (Service service : started) {
				service.close();
			}
		}
		System.out.println(tally);
		assertThat(tally.acknowledgedRowsLost).isZero();
		assertThat(tally.halfApplied).isZero();
		assertThat(tally.duplicateNotifications).isZero();
		assertThat(tally.changesNotNotified).isZero();
	}

	private Service start(FakeLine line, List<Service> started) throws Exception {
		// One name for every start: the same data folder (its log is written anew each time).
		ServiceProcess process = ServiceProcess.start(dir, "service", List.of("--shisaku.admin.password=" + PASSWORD, "--shisaku.admin.api-token=" + AdminApi.TOKEN, "--line.bot.channel-token=test-channel-token",
				"--line.bot.channel-secret=test-channel-secret", "--line.bot.api-end-point=" + line.baseUrl(),
				"--line.bot.blob-end-point=" + line.baseUrl(), "--shisaku.notify.send-window=",
				"--shisaku.notify.coalesce=0s", "--shisaku.delivery.poll-interval=200ms", "--shisaku.notify.daily-cap=0",
				"--shisaku.delivery.lease=5s"));
		started.add(new Service(process, null, null, null));
		process.awaitStarted(WAIT);
		String log = process.output();
		MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port(DATABASE_PORT, log));
		String base = "http://localhost:" + port(SERVICE_PORT, log);
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build();
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
			.until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		Service service = new Service(process, client, client.getDatabase("shisakunavi"), base);
		started.set(started.size() - 1, service);
		return service;
	}

	private static int port(Pattern pattern, String log) {
		Matcher matcher = pattern.matcher(log);
		assertThat(matcher.find()).as(log).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	/** A LINE user who follows both cities, as the chat would store them. */
	private static void follow(Service service) {
		service.db.getCollection("subscriptions").insertOne(new Document("_id", FOLLOWER).append("active", true)
			.append("topics", List.of(Topic.city("多治見市").key(), Topic.city("茅ヶ崎市").key())));
	}

	/** Every rated unit and fiscal year of the two plans, with the symbols that may be given there. */
	private List<Cell> cells(Service service) throws Exception {
		List<Cell> cells = new ArrayList<>();
		Map<String, List<String>> symbols = Map.of("tajimi-4", List.of("A", "B", "C", "D"), "chigasaki-1",
				List.of("A", "B", "C"));
		Map<String, int[]> periods = Map.of("tajimi-4", new int[] { 2020, 2023 }, "chigasaki-1", new int[] { 2016, 2022 });
		for (Document measure : service.db.getCollection("measures").find(new Document("planId",
				new Document("$in", List.of("tajimi-4", "chigasaki-1"))))) {
			String plan = measure.getString("planId");
			List<String> units = new ArrayList<>();
			if (plan.equals("tajimi-4")) {
				units.add(measure.getString("_id"));
			}
			else {
				for (Document project : measure.getList("projects", Document.class)) {
					project.getList("items", Document.class).forEach(item -> units.add(item.getString("_id")));
				}
			}
			for (String unit : units) {
				for (int year = periods.get(plan)[0]; year <= periods.get(plan)[1]; year++) {
					cells.add(new Cell(plan, measure.getString("municipality"), unit, year, symbols.get(plan)));
				}
			}
		}
		assertThat(cells).hasSizeGreaterThanOrEqualTo(733);
		return cells;
	}

	private static Map<Cell, String> ratingsOf(int trial, List<Cell> cells) {
		Map<Cell, String> ratings = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			List<String> symbols = cells.get(i).symbols();
			ratings.put(cells.get(i), symbols.get((trial + i) % symbols.size()));
		}
		return ratings;
	}

	/** The stored rating of every cell (null for none). */
	private static Map<Cell, String> ratings(Service service, List<Cell> cells) {
		Map<String, Map<Integer, String>> stored = new HashMap<>();
		for (Document measure : service.db.getCollection("measures").find()) {
			record(stored, measure.getString("_id"), measure.getList("evaluations", Document.class));
			for (Document project : measure.getList("projects", Document.class, List.of())) {
				for (Document item : project.getList("items", Document.class, List.of())) {
					record(stored, item.getString("_id"), item.getList("evaluations", Document.class));
				}
			}
		}
		Map<Cell, String> ratings = new HashMap<>();
		cells.forEach(c -> ratings.put(c, stored.getOrDefault(c.unit(), Map.of()).get(c.year())));
		return ratings;
	}

	private static void record(Map<String, Map<Integer, String>> stored, String unit, List<Document> evaluations) {
		Map<Integer, String> years = stored.computeIfAbsent(unit, u -> new HashMap<>());
		for (Document e : evaluations == null ? List.<Document>of() : evaluations) {
			years.put(e.getInteger("fiscalYear"), e.getString("rating"));
		}
	}

	private HttpRequest importRequest(Service service, Map<Cell, String> ratings, int trial) throws Exception {
		List<Map<String, Object>> rows = new ArrayList<>();
		ratings.forEach((cell, rating) -> rows.add(Map.of("municipality", cell.municipality(), "plan", cell.plan(),
				"measureId", cell.unit(), "fiscalYear", cell.year(), "rating", rating)));
		return HttpRequest.newBuilder(URI.create(service.base + "/admin/api/evaluations"))
			.header("Content-Type", "application/json").header("Authorization", "Bearer " + AdminApi.TOKEN)
			.header("Idempotency-Key", "trial-" + trial)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(rows))).build();
	}

	private static void awaitDelivered(Service service) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
				service.db.getCollection("change_notices").countDocuments(new Document("ordered", true))
						== service.db.getCollection("rating_changes").countDocuments(new Document("applied", true))
						&& service.db.getCollection("deliveries").countDocuments(new Document("state", "PLANNING")) == 0
						&& service.db.getCollection("delivery_chunks").countDocuments(new Document("done", false)) == 0);
	}

	private record Cell(String plan, String municipality, String unit, int year, List<String> symbols) {
	}

	private record Service(ServiceProcess process, MongoClient client, MongoDatabase db, String base)
			implements AutoCloseable {

		/** Stops the process (if it still runs) and the connection to its database. */
		@Override
		public void close() throws InterruptedException {
			process.close();
			if (client != null) {
				client.close();
			}
		}
	}

	/** What the trials found. */
	private static final class Tally {

		final Map<String, Integer> trialsAt = new java.util.TreeMap<>();
		int acknowledged;
		int appliedAfterCrash;
		int finishedAtStart;
		int notApplied;
		int acknowledgedRowsLost;
		int halfApplied;
		long changes;
		int messages;
		int deliveries;
		int duplicateNotifications;
		long changesNotNotified;

		void count(double point, boolean wasAcknowledged, Map<Cell, String> before, Map<Cell, String> sent,
				Map<Cell, String> after, boolean finishedAtStart) {
			this.finishedAtStart += finishedAtStart ? 1 : 0;
			trialsAt.merge(point >= 1 ? "after the answer" : point == 0 ? "before the request" : "during (" + point + ")",
					1, Integer::sum);
			boolean applied = after.equals(sent);
			if (wasAcknowledged) {
				acknowledged++;
				acknowledgedRowsLost += (int) sent.entrySet().stream()
					.filter(e -> !e.getValue().equals(after.get(e.getKey()))).count();
			}
			else if (applied) {
				appliedAfterCrash++;
			}
			else if (after.equals(before)) {
				notApplied++;
			}
			if (!applied && !after.equals(before)) {
				halfApplied++;
			}
		}

		void notifications(Service service, FakeLine line) {
			changes = service.db.getCollection("rating_changes").countDocuments(new Document("applied", true));
			Map<String, Integer> deliveriesOf = new HashMap<>();
			Set<String> sentDeliveries = new HashSet<>();
			for (Document delivery : service.db.getCollection("deliveries").find()) {
				Document parameters = delivery.get("parameters", Document.class);
				parameters.getList("changeIds", String.class, List.of()).forEach(id -> deliveriesOf.merge(id, 1, Integer::sum));
			}
			for (Document chunk : service.db.getCollection("delivery_chunks").find()) {
				if (chunk.getList("batches", Document.class).stream().anyMatch(b -> "SENT".equals(b.getString("status")))) {
					sentDeliveries.add(chunk.getString("deliveryId"));
				}
			}
			deliveries = sentDeliveries.size();
			messages = line.multicastRecipients().getOrDefault(FOLLOWER, 0);
			duplicateNotifications = Math.max(0, messages - deliveries)
					+ (int) deliveriesOf.values().stream().filter(n -> n > 1).count();
			changesNotNotified = changes - deliveriesOf.size();
		}

		@Override
		public String toString() {
			return "Crash trials: " + trialsAt + "; acknowledged " + acknowledged + ", not acknowledged but applied "
					+ appliedAfterCrash + " (of them interrupted while applied and finished at the next start "
					+ finishedAtStart + "), not applied " + notApplied + "; acknowledged rows lost "
					+ acknowledgedRowsLost + ", half-applied requests " + halfApplied + "; " + changes
					+ " changes in " + deliveries + " deliveries, " + messages + " messages to the follower, duplicate "
					+ "notifications " + duplicateNotifications + ", changes not notified " + changesNotNotified;
		}
	}
}
