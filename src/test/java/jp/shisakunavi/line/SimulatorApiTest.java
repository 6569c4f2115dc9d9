package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

/** The simulator's endpoint answers as LINE would be answered, and only for simulator users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorApiTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
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
	void refusesLineUserIdsAndOverlongText() {
		assertThat(send(Map.of("userId", "U" + "0".repeat(32), "text", "こんにちは")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send(Map.of("userId", "sim-test-0003", "text", "あ".repeat(10_001))).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private ResponseEntity<JsonNode> send(Map<String, String> body) {
		return http.postForEntity("/simulator/messages", body, JsonNode.class);
	}
}
