package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.AdminApi;

/** The simulator's endpoint answers as LINE would be answered, and only for simulator users. */
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
		registry.add("shisaku.notify.poll-interval", () -> "200ms");
	}

	@Autowired
	TestRestTemplate http;

	@Test
	void answersWithLinesMessageJson() {
		JsonNode answer = send(Map.of("userId", "sim-test-0001", "text", "多治見市の防災アプリはいつ導入されたの？")).getBody();
		JsonNode message = answer.path("messages").get(0);
		assertThat(message.path("type").asText()).isEqualTo("flex");
		assertThat(message.path("contents").path("type").asText()).isEqualTo("bubble");
		assertThat(message.toString()).contains("防災情報伝達の多重化");
	}

	@Test
	void remembersTheChosenCity() {
		send(Map.of("userId", "sim-test-0002", "postback", "a=city&c=茅ヶ崎市"));
		JsonNode answer = send(Map.of("userId", "sim-test-0002", "text", "オープンデータの充実はどうなった？")).getBody();
		assertThat(answer.toString()).contains("茅ヶ崎市");
	}

	@Test
	void notificationSettingsWorkInTheSimulator() {
		String user = "sim-test-0004";
		send(Map.of("userId", user, "text", "多治見市"));
		JsonNode card = send(Map.of("userId", user, "text", "通知設定")).getBody();
		assertThat(card.path("messages").get(0).path("contents").path("type").asText()).isEqualTo("bubble");
		assertThat(card.toString()).contains("受け取っている通知（0件）");

		JsonNode added = send(Map.of("userId", user, "postback", postback(card, "多治見市全体"))).getBody();
		assertThat(added.toString()).contains("「多治見市のすべての施策」の通知を登録しました。");
		card = send(Map.of("userId", user, "text", "通知設定")).getBody();
		assertThat(card.toString()).contains("受け取っている通知（1件）", "多治見市のすべての施策");
		assertThat(send(Map.of("userId", user, "postback", postback(card, "解除"))).getBody().toString())
			.contains("「多治見市のすべての施策」の通知を解除しました。");

		JsonNode question = send(Map.of("userId", user, "text", "退会")).getBody();
		assertThat(send(Map.of("userId", user, "postback", postback(question, "はい、削除します"))).getBody().toString())
			.contains("データを削除しました。");
	}

	@Test
	void aNewRatingReachesTheSimulatorUserWhoFollowsTheCity() {
		String user = "sim-test-0005";
		send(Map.of("userId", user, "text", "多治見市"));
		JsonNode card = send(Map.of("userId", user, "text", "通知設定")).getBody();
		send(Map.of("userId", user, "postback", postback(card, "多治見市全体")));

		ResponseEntity<JsonNode> loaded = AdminApi.admin(http).postForEntity(
				"/admin/api/evaluations", List.of(Map.of("municipality", "多治見市", "measureId", "tajimi-4-1-01",
						"fiscalYear", "令和5年度", "rating", "A")), JsonNode.class);
		assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);

		List<JsonNode> arrived = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			http.getForObject("/simulator/notifications?userId=" + user, JsonNode.class).path("notifications")
				.forEach(arrived::add);
			return !arrived.isEmpty();
		});
		assertThat(arrived).hasSize(1);
		assertThat(arrived.getFirst().get(0).path("text").asText())
			.contains("防災情報伝達の多重化", "B（目標どおりに実施）", "A", "令和5年度");
		assertThat(http.getForObject("/simulator/notifications?userId=" + user, JsonNode.class).path("notifications"))
			.isEmpty();
	}

	@Test
	void refusesLineUserIdsAndOverlongText() {
		assertThat(http.getForEntity("/simulator/notifications?userId=U" + "0".repeat(32), String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send(Map.of("userId", "U" + "0".repeat(32), "text", "こんにちは")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send(Map.of("userId", "sim-test-0003", "text", "あ".repeat(10_001))).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private static String postback(JsonNode answer, String label) {
		return LineChat.action(answer, label).orElseThrow().path("data").asText();
	}

	private ResponseEntity<JsonNode> send(Map<String, String> body) {
		return http.postForEntity("/simulator/messages", body, JsonNode.class);
	}
}
