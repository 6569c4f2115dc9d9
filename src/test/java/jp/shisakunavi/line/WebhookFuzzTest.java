package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.actuate.health.Status;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.system.WorkerPools;

/**
 * Thousands of mutated signed webhooks, unsigned and oversized ones: never a 5xx other than the queue's 503,
 * oversized bodies refused with 413 (also when sent without a length), memory bounded, every worker alive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookFuzzTest {

	static final String SECRET = "test-channel-secret";
	static final int MUTATIONS = 3000;
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
	}

	@LocalServerPort
	int port;

	@Autowired
	WorkerPools workers;

	final HttpClient http = HttpClient.newHttpClient();
	final Random random = new Random(13);

	@Test
	void mutatedUnsignedAndOversizedWebhooksNeverBreakTheService() throws Exception {
		List<byte[]> seeds = List.of(
				LineWebhook.body(List.of(LineWebhook.text(LineWebhook.userId(), "防災アプリはいつから？"))),
				LineWebhook.body(List.of(LineWebhook.postback(LineWebhook.userId(), "a=detail&id=tajimi-4-1-01"),
						LineWebhook.follow(LineWebhook.userId()), LineWebhook.unknown(LineWebhook.userId()))),
				"{\"destination\":\"U0\",\"events\":[{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":1,\"source\":{\"type\":\"user\"},\"webhookEventId\":\"01H\",\"replyToken\":\"r\",\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"こんにちは\"}}]}"
					.getBytes(StandardCharsets.UTF_8));
		Map<Integer, Integer> statuses = new TreeMap<>();
		System.gc();
		long heapBefore = usedHeap();

		for (int i = 0; i < MUTATIONS; i++) {
			byte[] body = mutate(seeds.get(i % seeds.size()));
			statuses.merge(post(body, LineWebhook.sign(SECRET, body)), 1, Integer::sum);
		}
		for (int i = 0; i < 300; i++) {
			byte[] body = mutate(seeds.get(i % seeds.size()));
			int status = post(body, i % 3 == 0 ? null : i % 3 == 1 ? "not base64!" : Base64.getEncoder().encodeToString(body));
			assertThat(status).as("unsigned or badly signed").isIn(400, 503);
		}
		byte[] huge = new byte[300 * 1024];
		Arrays.fill(huge, (byte) ' ');
		assertThat(post(huge, LineWebhook.sign(SECRET, huge))).as("over 256 KB, with its length").isEqualTo(413);
		assertThat(postChunked(new byte[5 * 1024 * 1024])).as("5 MB without a length").isEqualTo(413);

		System.gc();
		long growth = usedHeap() - heapBefore;
		System.out.println("Webhook fuzz: statuses of " + MUTATIONS + " mutated signed bodies " + statuses
				+ ", heap growth " + growth / 1024 / 1024 + " MB");
		assertThat(statuses.keySet()).as("statuses " + statuses).allMatch(s -> s < 500 || s == 503);
		assertThat(statuses.getOrDefault(200, 0)).as("statuses " + statuses).isPositive();
		assertThat(growth).as("heap growth").isLessThan(256L * 1024 * 1024);
		assertThat(workers.health().getStatus()).as(workers.health().getDetails().toString()).isEqualTo(Status.UP);
	}

	private byte[] mutate(byte[] seed) {
		byte[] body = seed.clone();
		switch (random.nextInt(6)) {
			case 0 -> body[random.nextInt(body.length)] = (byte) random.nextInt(256);
			case 1 -> body = Arrays.copyOf(body, random.nextInt(body.length));
			case 2 -> {
				String text = new String(body, StandardCharsets.UTF_8);
				int at = random.nextInt(text.length());
				String inserted = List.of("{", "}", "[", "]", "\"", ",", ":", "null", "1e999", "-0", "\\u0000",
						"\"events\":", "{\"type\":\"message\"}", "\"source\":null", "9".repeat(400)).get(random.nextInt(15));
				body = (text.substring(0, at) + inserted + text.substring(at)).getBytes(StandardCharsets.UTF_8);
			}
			case 3 -> {
				String text = new String(body, StandardCharsets.UTF_8);
				body = text.replace("\"text\"", List.of("\"image\"", "\"sticker\"", "\"x\"").get(random.nextInt(3)))
					.replace("\"user\"", random.nextBoolean() ? "\"group\"" : "\"room\"")
					.getBytes(StandardCharsets.UTF_8);
			}
			case 4 -> {
				String text = new String(body, StandardCharsets.UTF_8);
				body = text.replaceFirst("\"userId\":\"[^\"]*\",?", "").getBytes(StandardCharsets.UTF_8);
			}
			default -> {
				byte[] twice = new byte[body.length * 2];
				System.arraycopy(body, 0, twice, 0, body.length);
				System.arraycopy(body, 0, twice, body.length, body.length);
				body = twice;
			}
		}
		return body;
	}

	private int post(byte[] body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/callback"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("x-line-signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Sends a body in chunks (no length) until the service answers; its status. */
	private int postChunked(byte[] body) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /callback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "x-line-signature: x\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			try {
				for (int sent = 0; sent < body.length; sent += 65536) {
					out.write((Integer.toHexString(65536) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(body, sent, 65536);
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException answeredBeforeTheEnd) {
				// the service stopped reading: its answer is waiting to be read
			}
			String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
					StandardCharsets.US_ASCII)).readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}
}
