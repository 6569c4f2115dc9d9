package jp.shisakunavi.linefake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Webhook bodies shaped like LINE's (shared/line-openapi/webhook.yml), and their signatures. */
public final class LineWebhook {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final SecureRandom RANDOM = new SecureRandom();

	private LineWebhook() {
	}

	public static Map<String, Object> text(String userId, String text) {
		return event("message", userId, Map.of("type", "text", "id", id(), "quoteToken", id(), "text", text));
	}

	public static Map<String, Object> message(String userId, String type) {
		return event("message", userId, switch (type) {
			case "sticker" -> Map.of("type", "sticker", "id", id(), "packageId", "446", "stickerId", "1988",
					"stickerResourceType", "STATIC", "quoteToken", id());
			case "location" -> Map.of("type", "location", "id", id(), "latitude", 35.33, "longitude", 137.13);
			case "file" -> Map.of("type", "file", "id", id(), "fileName", "a.pdf", "fileSize", 100);
			default -> Map.of("type", type, "id", id(), "contentProvider", Map.of("type", "line"));
		});
	}

	public static Map<String, Object> postback(String userId, String data) {
		Map<String, Object> event = event("postback", userId, null);
		event.put("postback", Map.of("data", data));
		return event;
	}

	public static Map<String, Object> follow(String userId) {
		Map<String, Object> event = event("follow", userId, null);
		event.put("follow", Map.of("isUnblocked", false));
		return event;
	}

	public static Map<String, Object> unfollow(String userId) {
		Map<String, Object> event = event("unfollow", userId, null);
		event.remove("replyToken");
		return event;
	}

	public static Map<String, Object> join(String groupId) {
		Map<String, Object> event = event("join", null, null);
		event.put("source", Map.of("type", "group", "groupId", groupId));
		return event;
	}

	/** An event of a type this SDK does not know. */
	public static Map<String, Object> unknown(String userId) {
		return event("somethingNew", userId, null);
	}

	public static Map<String, Object> standby(Map<String, Object> event) {
		Map<String, Object> copy = new java.util.LinkedHashMap<>(event);
		copy.put("mode", "standby");
		copy.remove("replyToken");
		return copy;
	}

	public static Map<String, Object> redelivery(Map<String, Object> event) {
		Map<String, Object> copy = new java.util.LinkedHashMap<>(event);
		copy.put("deliveryContext", Map.of("isRedelivery", true));
		return copy;
	}

	public static byte[] body(List<Map<String, Object>> events) {
		try {
			return JSON.writeValueAsBytes(Map.of("destination", "U" + "0".repeat(32), "events", events));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String sign(String channelSecret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String userId() {
		StringBuilder id = new StringBuilder("U");
		for (int i = 0; i < 32; i++) {
			id.append(Integer.toHexString(RANDOM.nextInt(16)));
		}
		return id.toString();
	}

	private static Map<String, Object> event(String type, String userId, Map<String, Object> message) {
		Map<String, Object> event = new java.util.LinkedHashMap<>();
		event.put("type", type);
		event.put("mode", "active");
		event.put("timestamp", System.currentTimeMillis());
		if (userId != null) {
			event.put("source", Map.of("type", "user", "userId", userId));
		}
		event.put("webhookEventId", ulid());
		event.put("deliveryContext", Map.of("isRedelivery", false));
		event.put("replyToken", id() + id());
		if (message != null) {
			event.put("message", message);
		}
		return event;
	}

	private static String ulid() {
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 26; i++) {
			id.append(ULID_ALPHABET.charAt(RANDOM.nextInt(ULID_ALPHABET.length())));
		}
		return id.toString();
	}

	private static String id() {
		return Long.toString(Math.abs(RANDOM.nextLong()), 16);
	}
}
