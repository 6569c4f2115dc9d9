package jp.shisakunavi.delivery.internal;

import java.time.Instant;
import java.util.List;

import jp.shisakunavi.users.LineUserId;

/**
 * One multicast: the same message to at most 500 users, with the retry key chosen before the first attempt
 * and reused on every retry, so that LINE executes it once however often it is sent.
 *
 * @param messageId the {@link DeliveryMessage} to send
 * @param userIds the recipients; emptied once sent, as LINE user ids are personal data
 * @param firstAttemptAt when the retry key was first used
 */
record Batch(String retryKey, String messageId, Channel channel, List<String> userIds, int recipients, Status status,
		int attempts, Instant firstAttemptAt, Instant sentAt, String error) {

	Batch {
		userIds = userIds == null ? List.of() : List.copyOf(userIds);
	}

	/** Where the recipients are: LINE, or the chat simulator's inbox (users {@code sim-…}). */
	enum Channel {
		LINE, SIMULATOR;

		static Channel of(LineUserId user) {
			return user.simulator() ? SIMULATOR : LINE;
		}
	}

	enum Status {
		PENDING, SENT, FAILED, CANCELLED
	}
}
