package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's notification settings (受信設定): the topics they follow, as keys. One document per user, changed
 * by single atomic updates. Whether the user can be sent to is theirs as a LINE user ({@code users}), not kept here.
 */
@Document("subscriptions")
record Subscriber(@Id String userId, List<String> topics, Instant updatedAt) {

	Subscriber {
		topics = topics == null ? List.of() : List.copyOf(topics);
	}
}
