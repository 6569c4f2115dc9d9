package jp.shisakunavi.account;

import java.time.Instant;

/**
 * An API token as the console lists it; its secret is shown once when it is issued and only its hash is kept.
 *
 * @param lastUsedAt the last request made with it (updated at most once a minute)
 */
public record ApiToken(String id, String accountId, String name, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
