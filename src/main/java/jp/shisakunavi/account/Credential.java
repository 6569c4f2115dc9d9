package jp.shisakunavi.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account's password and its sign-in failures, one document per account.
 *
 * @param passwordHash in the DelegatingPasswordEncoder's format ({@code {bcrypt}…}); null: no password sign-in
 * @param changedAt when the password was last set; sessions begun before it end
 * @param mustChange set by a reset: the next sign-in goes to the password page first
 * @param environmentHash for the first administrator: a hash of the ADMIN_PASSWORD last applied, so that a
 *        restart with the same environment keeps a password changed in the console
 * @param failures wrong passwords since the last success (or lock)
 * @param nextAttemptAt no attempt is checked before this (the slow-down, and one attempt at a time)
 * @param lockedUntil after too many failures, every attempt is refused until then
 */
@Document("credentials")
record Credential(@Id String accountId, String passwordHash, Instant changedAt, boolean mustChange,
		String environmentHash, int failures, Instant nextAttemptAt, Instant lockedUntil) {

	static Credential of(String accountId, String passwordHash, Instant at, boolean mustChange) {
		return new Credential(accountId, passwordHash, at, mustChange, null, 0, null, null);
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}
}
