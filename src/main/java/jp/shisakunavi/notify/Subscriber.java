package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's notification settings (受信設定): the topics they follow, as keys, and whether they can be sent to
 * (false after they blocked the account). One document per user, changed by single atomic updates.
 */
@Document("subscriptions")
record Subscriber(@Id String userId, boolean active, List<String> topics, Instant updatedAt) {

	Subscriber {
		topics = topics == null ? List.of() : List.copyOf(topics);
	}
}
