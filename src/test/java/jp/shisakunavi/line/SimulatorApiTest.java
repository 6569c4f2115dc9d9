package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.AdminApi;

/**
 * The simulator's endpoints answer as LINE would be answered, each browser as its own simulator user: only with
 * its session token, never another's data, within rate limits and a cap on users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorApiTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.notify.coalesce", () -> "0s");
		registry.add("shisaku.delivery.poll-interval", () -> "200ms");
		registry.add("shisaku.simulator.max-users", () -> "12");
		registry.add("shisaku.simulator.requests-per-minute", () -> "40");
		registry.add("shisaku.simulator.sessions-per-hour", () -> "1000");
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Test
	void answersWithLinesMessageJson() {
		String token = session();
		JsonNode answer = send(token, Map.of("text", "多治見市の防災アプリはいつ導入されたの？")).getBody();
		JsonNode message = answer.path("messages").get(0);
		assertThat(message.path("type").asText()).isEqualTo("flex");
		assertThat(message.path("contents").path("type").asText()).isEqualTo("bubble");
		assertThat(message.toString()).contains("防災情報伝達の多重化");
	}

	@Test
	void remembersTheChosenCity() {
		String token = session();
		send(token, Map.of("postback", "a=city&c=茅ヶ崎市"));
		JsonNode answer = send(token, Map.of("text", "オープンデータの充実はどうなった？")).getBody();
		assertThat(answer.toString()).contains("茅ヶ崎市");
	}

	@Test
	void notificationSettingsWorkInTheSimulator() {
		String token = session();
		send(token, Map.of("text", "多治見市"));
		JsonNode card = send(token, Map.of("text", "通知設定")).getBody();
		assertThat(card.path("messages").get(0).path("contents").path("type").asText()).isEqualTo("bubble");
		assertThat(card.toString()).contains("受け取っている通知（0件）");

		JsonNode added = send(token, Map.of("postback", postback(card, "多治見市全体"))).getBody();
		assertThat(added.toString()).contains("「多治見市のすべての施策」の通知を登録しました。");
		card = send(token, Map.of("text", "通知設定")).getBody();
		assertThat(card.toString()).contains("受け取っている通知（1件）", "多治見市のすべての施策");
		assertThat(send(token, Map.of("postback", postback(card, "解除"))).getBody().toString())
			.contains("「多治見市のすべての施策」の通知を解除しました。");

		JsonNode question = send(token, Map.of("text", "退会")).getBody();
		assertThat(send(token, Map.of("postback", postback(question, "はい、削除します"))).getBody().toString())
			.contains("データを削除しました。");
	}

	@Test
	void aNewRatingReachesOnlyTheBrowserThatFollowsTheCity() {
		String follower = session();
		String other = session();
		send(follower, Map.of("text", "多治見市"));
		JsonNode card = send(follower, Map.of("text", "通知設定")).getBody();
		send(follower, Map.of("postback", postback(card, "多治見市全体")));

		ResponseEntity<JsonNode> loaded = AdminApi.admin(http).postForEntity(
				"/admin/api/evaluations", List.of(Map.of("municipality", "多治見市", "measureId", "tajimi-4-1-01",
						"fiscalYear", "令和5年度", "rating", "A")), JsonNode.class);
		assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);

		List<JsonNode> arrived = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			notifications(follower).getBody().path("notifications").forEach(arrived::add);
			return !arrived.isEmpty();
		});
		assertThat(arrived).hasSize(1);
		assertThat(arrived.getFirst().get(0).path("text").asText())
			.contains("防災情報伝達の多重化", "B（目標どおりに実施）", "A", "令和5年度");
		assertThat(notifications(follower).getBody().path("notifications")).isEmpty();
		assertThat(notifications(other).getBody().path("notifications")).isEmpty();
	}

	@Test
	void withoutAValidTokenNothingIsReadOrWritten() {
		long citizens = mongo.count(new Query(), "citizens");
		assertThat(send(null, Map.of("text", "多治見市")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(send("made-up-token", Map.of("text", "多治見市")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(notifications("sim-0000000000000000").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity("/simulator/notifications?userId=sim-test-0005", String.class).getStatusCode())
			.isIn(HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.UNAUTHORIZED);
		assertThat(mongo.count(new Query(), "citizens")).isEqualTo(citizens);
	}

	@Test
	void refusesOverlongTextAndTooManyRequests() {
		String token = session();
		assertThat(send(token, Map.of("text", "あ".repeat(10_001))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		// 40 a minute: well before the 80th call in a row, one is refused.
		ResponseEntity<JsonNode> last = null;
		for (int i = 0; i < 80 && (last == null || last.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS); i++) {
			last = notifications(token);
		}
		assertThat(last.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(last.getBody().path("detail").asText()).contains("少し待って");
	}

	@Test
	void newBrowsersBeyondTheCapAreAskedToComeBackLater() {
		Instant start = Instant.now();
		try {
			ResponseEntity<JsonNode> opened;
			int sessions = 0;
			do {
				opened = http.postForEntity("/simulator/sessions", null, JsonNode.class);
				sessions++;
			}
			while (opened.getStatusCode() == HttpStatus.CREATED && sessions < 20);

			assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(opened.getBody().path("detail").asText()).contains("上限");
			assertThat(mongo.count(new Query(), "simulator_sessions")).isEqualTo(12);
		}
		finally {
			mongo.remove(Query.query(Criteria.where("createdAt").gte(start)), "simulator_sessions");
		}
	}

	private static String postback(JsonNode answer, String label) {
		return LineChat.action(answer, label).orElseThrow().path("data").asText();
	}

	private String session() {
		ResponseEntity<JsonNode> opened = http.postForEntity("/simulator/sessions", null, JsonNode.class);
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(opened.getBody().path("userId").asText()).startsWith("sim-");
		return opened.getBody().path("token").asText();
	}

	private ResponseEntity<JsonNode> send(String token, Map<String, String> body) {
		return http.postForEntity("/simulator/messages", new HttpEntity<>(body, headers(token)), JsonNode.class);
	}

	private ResponseEntity<JsonNode> notifications(String token) {
		return http.postForEntity("/simulator/notifications", new HttpEntity<>(null, headers(token)), JsonNode.class);
	}

	private static HttpHeaders headers(String token) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.set(SimulatorController.TOKEN, token);
		}
		return headers;
	}
}
