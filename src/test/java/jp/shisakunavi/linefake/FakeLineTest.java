package jp.shisakunavi.linefake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake LINE itself: it must notice what real LINE would refuse, or the other tests prove nothing. */
class FakeLineTest {

	static FakeLine line;
	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void start() throws Exception {
		if (line == null) {
			line = new FakeLine();
		}
		line.reset();
	}

	@AfterAll
	static void stop() {
		line.close();
	}

	@Test
	void acceptsAValidReplyOnceAndRefusesTheSameTokenAgain() throws Exception {
		String body = "{\"replyToken\":\"t1\",\"messages\":[{\"type\":\"text\",\"text\":\"こんにちは\"}]}";
		assertThat(post("/v2/bot/message/reply", body, null)).isEqualTo(200);
		assertThat(post("/v2/bot/message/reply", body, null)).isEqualTo(400);
		assertThat(line.violations()).isEmpty();
	}

	@Test
	void recordsWhatLineWouldRefuse() throws Exception {
		post("/v2/bot/message/reply", "{\"replyToken\":\"t2\",\"messages\":[{\"type\":\"text\"}]}", null);
		assertThat(line.violations()).anyMatch(v -> v.contains("text"));
		line.reset();
		post("/v2/bot/message/reply", "{\"replyToken\":\"t3\",\"messages\":[{\"type\":\"text\",\"text\":\"" + "あ".repeat(5001) + "\"}]}", null);
		assertThat(line.violations()).anyMatch(v -> v.contains("5,000"));
		line.reset();
		String six = ",{\"type\":\"text\",\"text\":\"a\"}".repeat(6).substring(1);
		post("/v2/bot/message/reply", "{\"replyToken\":\"t4\",\"messages\":[" + six + "]}", null);
		assertThat(line.violations()).isNotEmpty();
		line.reset();
		post("/v2/bot/message/reply", "{\"replyToken\":\"t5\",\"messages\":[{\"type\":\"text\",\"text\":\"a\",\"quickReply\":{\"items\":[{\"type\":\"action\",\"action\":{\"type\":\"message\",\"label\":\"" + "長".repeat(21) + "\",\"text\":\"a\"}}]}}]}", null);
		assertThat(line.violations()).anyMatch(v -> v.contains("label"));
	}

	@Test
	void aRepeatedRetryKeyIsAnsweredWith409() throws Exception {
		String body = "{\"to\":[\"U" + "0".repeat(32) + "\"],\"messages\":[{\"type\":\"text\",\"text\":\"お知らせ\"}]}";
		assertThat(post("/v2/bot/message/multicast", body, "123e4567-e89b-12d3-a456-426614174000")).isEqualTo(200);
		assertThat(post("/v2/bot/message/multicast", body, "123e4567-e89b-12d3-a456-426614174000")).isEqualTo(409);
		assertThat(line.accepted("/v2/bot/message/multicast")).hasSize(1);
	}

	@Test
	void failsOnDemand() throws Exception {
		line.fail("/v2/bot/message/push", 2, 500, Duration.ZERO);
		String body = "{\"to\":\"U" + "0".repeat(32) + "\",\"messages\":[{\"type\":\"text\",\"text\":\"a\"}]}";
		assertThat(post("/v2/bot/message/push", body, null)).isEqualTo(500);
		assertThat(post("/v2/bot/message/push", body, null)).isEqualTo(500);
		assertThat(post("/v2/bot/message/push", body, null)).isEqualTo(200);
	}

	@Test
	void signsLikeLine() {
		// HMAC-SHA256 of "{}" with key "secret", Base64, as computed independently by Python's hmac module
		assertThat(LineWebhook.sign("secret", "{}".getBytes())).isEqualTo("dzJZAsrKgS3CWXM6rNBGtzgXNyx3e42VtAJkdHRRbhM=");
	}

	private int post(String path, String body, String retryKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(line.baseUrl() + path.substring(1)))
			.header("Authorization", "Bearer token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (retryKey != null) {
			request.header("X-Line-Retry-Key", retryKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}
}
