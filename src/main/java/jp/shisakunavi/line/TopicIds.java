package jp.shisakunavi.line;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

import jp.shisakunavi.notify.Topic;

/**
 * Short ids for topics in postback data. A topic key can hold a long Japanese department or pillar name, and
 * LINE's 300 characters hold only 33 URL-encoded Japanese characters; so buttons carry 12 characters derived from
 * the key, and a tap is resolved against the topics that could have been offered. Stable across restarts and
 * plan updates: an id whose topic is gone resolves to nothing.
 */
final class TopicIds {

	private static final int LENGTH = 12;

	private TopicIds() {
	}

	static String of(Topic topic) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(topic.key().getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LENGTH);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}

	static Optional<Topic> resolve(String id, Collection<Topic> candidates) {
		return candidates.stream().filter(topic -> of(topic).equals(id)).findFirst();
	}
}
