package jp.shisakunavi.linefake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** LINE's documented limits that its OpenAPI file does not all encode (shared/docs/facts-line.md). */
final class LineLimitsCheck {

	private LineLimitsCheck() {
	}

	static List<String> check(String path, JsonNode body, int bytes) {
		List<String> violations = new ArrayList<>();
		if (bytes > 2 * 1024 * 1024) {
			violations.add("body larger than 2 MB");
		}
		JsonNode messages = body.path("messages");
		if (messages.isArray()) {
			if (messages.size() > 5) {
				violations.add(messages.size() + " messages (at most 5)");
			}
			for (JsonNode message : messages) {
				checkMessage(message, violations);
			}
		}
		if (body.path("to").isArray() && body.path("to").size() > 500) {
			violations.add(body.path("to").size() + " recipients (at most 500)");
		}
		return violations;
	}

	private static void checkMessage(JsonNode message, List<String> violations) {
		String type = message.path("type").asText();
		if (type.equals("text") && message.path("text").asText().length() > 5000) {
			violations.add("text longer than 5,000 characters");
		}
		if (type.equals("flex")) {
			if (message.path("altText").asText().length() > 1500) {
				violations.add("altText longer than 1,500 characters");
			}
			JsonNode contents = message.path("contents");
			int size = contents.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (contents.path("type").asText().equals("carousel")) {
				if (contents.path("contents").size() > 12) {
					violations.add("carousel of more than 12 bubbles");
				}
				if (size > 50 * 1024) {
					violations.add("carousel larger than 50 KB");
				}
			}
			else if (size > 30 * 1024) {
				violations.add("bubble larger than 30 KB");
			}
			contents.findValues("action").forEach(action -> checkAction(action, violations));
		}
		JsonNode items = message.path("quickReply").path("items");
		if (items.size() > 13) {
			violations.add("more than 13 quick reply items");
		}
		items.forEach(item -> checkAction(item.path("action"), violations));
	}

	private static void checkAction(JsonNode action, List<String> violations) {
		if (action.path("label").asText().length() > 20) {
			violations.add("action label longer than 20 characters: " + action.path("label").asText());
		}
		if (action.path("data").asText().length() > 300) {
			violations.add("postback data longer than 300 characters");
		}
		if (action.path("text").asText().length() > 300) {
			violations.add("message action text longer than 300 characters");
		}
	}
}
