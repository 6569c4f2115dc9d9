package jp.shisakunavi.line;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chat simulator on a public server.
 *
 * @param enabled on or off; unset: on without LINE credentials (a local try-out), off with them (production)
 * @param maxUsers simulator users kept at once; a new browser beyond it is asked to come back later
 * @param idleAfter a simulator user not seen for this long is erased with everything kept about them
 * @param requestsPerMinute requests one browser may make per minute (its notification polls included)
 * @param sessionsPerHour new simulator users one client address may start per hour
 */
@ConfigurationProperties("shisaku.simulator")
record SimulatorProperties(Boolean enabled, Integer maxUsers, Duration idleAfter, Integer requestsPerMinute,
		Integer sessionsPerHour) {

	SimulatorProperties {
		maxUsers = maxUsers == null ? 1000 : maxUsers;
		idleAfter = idleAfter == null ? Duration.ofDays(3) : idleAfter;
		requestsPerMinute = requestsPerMinute == null ? 120 : requestsPerMinute;
		sessionsPerHour = sessionsPerHour == null ? 20 : sessionsPerHour;
	}
}
