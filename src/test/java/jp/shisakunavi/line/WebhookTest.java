package jp.shisakunavi.line;

import static jp.shisakunavi.linefake.LineWebhook.body;
import static jp.shisakunavi.linefake.LineWebhook.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;

/** LINE's webhook end to end: signed requests in, replies out to a fake LINE that checks them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookTest {

	static final String SECRET = "test-channel-secret";
	static final String REPLY = "/v2/bot/message/reply";
	static final Duration WAIT = Duration.ofSeconds(20);
	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("line.bot.channel-secret", () -> SECRET);
		registry.add("line.bot.channel-token", () -> "test-channel-token");
		registry.add("line.bot.api-end-point", line::baseUrl);
		registry.add("line.bot.blob-end-point", line::baseUrl);
		registry.add("line.bot.read-timeout", () -> "1s");
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aQuestionGetsOneCardNamingTheMeasureWithItsRating() throws Exception {
		assertThat(post(List.of(LineWebhook.text(LineWebhook.userId(), "多治見市の防災アプリはいつ導入されたの？")))).isEqualTo(200);
		JsonNode reply = awaitReplies(1).getFirst();
		String card = reply.path("messages").toString();
		assertThat(card).contains("防災情報伝達の多重化").contains("目標どおりに実施").contains("\"type\":\"flex\"");
	}

	@Test
	void badSignaturesAndBodiesGet400AndNothingIsAnswered() throws Exception {
		byte[] body = body(List.of(LineWebhook.text(LineWebhook.userId(), "こんにちは")));
		assertThat(send(body, null)).isEqualTo(400);
		assertThat(send(body, sign("another-secret", body))).isEqualTo(400);
		assertThat(send(body, "not base64 ***")).isEqualTo(400);
		for (byte[] broken : List.of("{not json".getBytes(), "[]".getBytes(), "{\"events\":\"x\"}".getBytes(),
				new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' })) {
			assertThat(send(broken, sign(SECRET, broken))).isEqualTo(400);
		}
		byte[] empty = "{\"destination\":\"U0\",\"events\":[]}".getBytes();
		assertThat(send(empty, sign(SECRET, empty))).isEqualTo(200);
		Thread.sleep(300);
		assertThat(line.requests(REPLY)).isEmpty();
	}

	@Test
	void aRedeliveredEventIsAnsweredOnce() throws Exception {
		Map<String, Object> event = LineWebhook.text(LineWebhook.userId(), "使い方");
		assertThat(post(List.of(event))).isEqualTo(200);
		assertThat(post(List.of(LineWebhook.redelivery(event)))).isEqualTo(200);
		assertThat(post(List.of(event, event))).isEqualTo(200);
		awaitReplies(1);
		Thread.sleep(500);
		assertThat(line.requests(REPLY)).hasSize(1);
	}

	@Test
	void everyEventTypeGetsWhatItCallsFor() throws Exception {
		String user = LineWebhook.userId();
		assertThat(post(List.of(LineWebhook.follow(user)))).isEqualTo(200);
		JsonNode welcome = awaitReplies(1).getFirst().path("messages").get(0);
		assertThat(welcome.path("text").asText()).contains("お住まいの市を選んでください");
		assertThat(welcome.path("quickReply").path("items").toString()).contains("多治見市", "茅ヶ崎市", "小山市", "各務原市");

		for (String type : List.of("sticker", "image", "location", "audio", "video", "file")) {
			post(List.of(LineWebhook.message(user, type)));
		}
		post(List.of(LineWebhook.join("C" + "1".repeat(32))));
		List<String> replies = awaitReplies(8).stream().skip(1).map(JsonNode::toString).toList();
		assertThat(replies).filteredOn(r -> r.contains("文字で送ってください")).hasSize(6);
		assertThat(replies).filteredOn(r -> r.contains("施策ナビです。市の情報化計画")).hasSize(1);

		assertThat(post(List.of(LineWebhook.unfollow(user), LineWebhook.unknown(user),
				LineWebhook.standby(LineWebhook.text(user, "こんにちは"))))).isEqualTo(200);
		Thread.sleep(500);
		assertThat(line.requests(REPLY)).hasSize(8);
	}

	@Test
	void aWebhookWithAHundredEventsGetsAHundredAnswers() throws Exception {
		List<Map<String, Object>> events = new ArrayList<>();
		String[] questions = { "RPAとは", "評価Cってどういう意味", "茅ヶ崎市のオープンデータ", "小山市のスマート農業", "こんにちは" };
		for (int i = 0; i < 100; i++) {
			events.add(LineWebhook.text(LineWebhook.userId(), questions[i % questions.length]));
		}
		assertThat(post(events)).isEqualTo(200);
		assertThat(awaitReplies(100)).hasSize(100);
	}

	@Test
	void longTextEmojiAndOddCharactersAreAnswered() throws Exception {
		String user = LineWebhook.userId();
		post(List.of(LineWebhook.text(user, "防災".repeat(5000))));
		post(List.of(LineWebhook.text(user, "🙂🙂🙂 マイナカード？ 👍🏽")));
		post(List.of(LineWebhook.text(user, "\u0000\u202E<script>alert(1)</script>\uD800")));
		assertThat(awaitReplies(3)).hasSize(3);
	}

	@Test
	void lineFailingForAWhileStillGivesExactlyOneAnswer() throws Exception {
		line.fail(REPLY, 2, 500, Duration.ZERO);
		post(List.of(LineWebhook.text(LineWebhook.userId(), "使い方")));
		await().atMost(WAIT).until(() -> line.accepted(REPLY).size() == 1);

		line.reset();
		line.fail(REPLY, 1, 429, Duration.ZERO);
		post(List.of(LineWebhook.text(LineWebhook.userId(), "使い方")));
		await().atMost(WAIT).until(() -> line.accepted(REPLY).size() == 1);

		line.reset();
		line.fail(REPLY, 1, 200, Duration.ofMillis(1500));
		post(List.of(LineWebhook.text(LineWebhook.userId(), "使い方")));
		await().atMost(WAIT).until(() -> line.requests(REPLY).size() >= 2);
		Thread.sleep(500);
		assertThat(line.accepted(REPLY).stream().filter(r -> r.status() == 200).count()).isLessThanOrEqualTo(2);

		line.reset();
		line.fail(REPLY, 1000, 400, Duration.ZERO);
		post(List.of(LineWebhook.text(LineWebhook.userId(), "使い方")));
		await().atMost(WAIT).until(() -> line.requests(REPLY).size() == 1);
		Thread.sleep(500);
		assertThat(line.requests(REPLY)).hasSize(1);
	}

	private List<JsonNode> awaitReplies(int count) {
		await().atMost(WAIT).until(() -> line.accepted(REPLY).size() >= count);
		return line.accepted(REPLY).stream().map(FakeLine.Received::json).toList();
	}

	int post(List<Map<String, Object>> events) throws IOException, InterruptedException {
		byte[] body = body(events);
		return send(body, sign(SECRET, body));
	}

	int send(byte[] body, String signature) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callback"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("x-line-signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).statusCode();
	}

}
