package jp.shisakunavi.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recorded change.
 *
 * @param actor the user name of the account that made it; {@code system} for the service itself
 * @param via how: {@code console} (a signed-in browser), {@code api:<token name>} (the admin API), {@code system}
 * @param address the client's address as the service saw it (behind a proxy: see the README's forwarded headers)
 * @param before the state before, as JSON (cut at {@link AuditLog#MAX_STATE_LENGTH} characters), or null
 */
@Document("audit_log")
public record AuditEntry(@Id String id, Instant at, String actor, String via, String address, String action,
		String summary, String target, List<String> municipalities, String before, String after) {

	public AuditEntry {
		municipalities = municipalities == null ? List.of() : municipalities;
	}
}
