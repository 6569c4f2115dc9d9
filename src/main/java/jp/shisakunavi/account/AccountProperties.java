package jp.shisakunavi.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator and the sign-in rules (see .env.example).
 *
 * @param username the first administrator's user name
 * @param password the first administrator's password; empty: local mode, a one-time password each start
 * @param apiToken a bootstrap API token acting as the first administrator (at least 32 characters); empty: none
 *        (in local mode a one-time token is printed)
 * @param lockAfter wrong passwords in a row that lock an account
 * @param lockFor how long a locked account (or a client over its limit) is refused
 * @param slowDownAfter wrong passwords in a row after which each further attempt must wait {@code delay},
 *        doubling, up to 30 s
 * @param addressLimit failed sign-ins and wrong API tokens from one client address within {@code lockFor}
 *        after which that address is refused before anything is checked
 */
@ConfigurationProperties("shisaku.admin")
record AccountProperties(String username, String password, String apiToken, Integer lockAfter, Duration lockFor,
		Integer slowDownAfter, Duration delay, Integer addressLimit) {

	static final Duration MAX_DELAY = Duration.ofSeconds(30);

	AccountProperties {
		username = username == null || username.isBlank() ? "admin" : username.strip().toLowerCase(java.util.Locale.ROOT);
		password = password == null ? "" : password;
		apiToken = apiToken == null ? "" : apiToken.strip();
		lockAfter = lockAfter == null ? 10 : lockAfter;
		lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
		slowDownAfter = slowDownAfter == null ? 3 : slowDownAfter;
		delay = delay == null ? Duration.ofSeconds(1) : delay;
		addressLimit = addressLimit == null ? 30 : addressLimit;
		if (!apiToken.isEmpty() && apiToken.length() < 32) {
			throw new IllegalArgumentException("ADMIN_API_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32)");
		}
		if (lockAfter < 1 || slowDownAfter < 0 || addressLimit < 1) {
			throw new IllegalArgumentException("SIGNIN_LOCK_AFTER and SIGNIN_ADDRESS_LIMIT must be at least 1");
		}
	}

	/** Local mode: no administrator password in the environment (a one-time password is printed). */
	boolean localMode() {
		return password.isEmpty();
	}

	/** The wait before the next attempt after {@code failures} wrong passwords in a row. */
	Duration delayAfter(int failures) {
		if (failures < slowDownAfter) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - slowDownAfter, 20);
		Duration wait = delay.multipliedBy(1L << doublings);
		return wait.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait;
	}
}
