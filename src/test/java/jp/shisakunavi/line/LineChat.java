package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.LineWebhook;

/**
 * One LINE user talking to the service through the signed webhook, reading the replies the fake LINE received;
 * public for the chats of other modules' tests.
 */
public final class LineChat {

	private final FakeLine line;
	private final String callback;
	private final String secret;
	private final HttpClient http = HttpClient.newHttpClient();
	public final String user = LineWebhook.userId();

	public LineChat(FakeLine line, int port, String secret) {
		this.line = line;
		this.callback = "http://127.0.0.1:" + port + "/callback";
		this.secret = secret;
	}

	public JsonNode say(String text) {
		return send(LineWebhook.text(user, text));
	}

	/** Taps the button or quick reply with this label in the messages, as LINE would send it. */
	public JsonNode tap(JsonNode messages, String label) {
		JsonNode action = action(messages, label)
			.orElseThrow(() -> new AssertionError("no button " + label + " in " + messages));
		return action.path("type").asText().equals("postback") ? send(LineWebhook.postback(user, action.path("data").asText()))
				: say(action.path("text").asText());
	}

	public static Optional<JsonNode> action(JsonNode messages, String label) {
		return messages.findValues("action").stream().filter(a -> a.path("label").asText().equals(label)).findFirst();
	}

	public static List<String> postbackData(JsonNode messages) {
		return messages.findValues("action").stream()
			.filter(a -> a.path("type").asText().equals("postback"))
			.map(a -> a.path("data").asText())
			.toList();
	}

	/** The messages of the reply to this event. */
	public JsonNode send(Map<String, Object> event) {
		post(event);
		Object token = event.get("replyToken");
		await().atMost(WebhookTest.WAIT).until(() -> reply(token).isPresent());
		return reply(token).get().path("messages");
	}

	public void post(Map<String, Object> event) {
		byte[] body = LineWebhook.body(List.of(event));
		HttpRequest request = HttpRequest.newBuilder(URI.create(callback))
			.header("Content-Type", "application/json")
			.header("x-line-signature", LineWebhook.sign(secret, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Optional<JsonNode> reply(Object token) {
		return line.accepted(WebhookTest.REPLY).stream()
			.map(FakeLine.Received::json)
			.filter(json -> json.path("replyToken").asText().equals(token))
			.findFirst();
	}

	public static String texts(JsonNode messages) {
		return String.join("\n", StreamSupport.stream(messages.spliterator(), false)
			.map(m -> m.path("type").asText().equals("text") ? m.path("text").asText() : m.path("altText").asText())
			.toList());
	}
}
