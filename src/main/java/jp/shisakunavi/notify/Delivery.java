package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification going out: the rating changes of one round, a digest of what the daily cap held back, or an
 * administrator's announcement to a segment. Planning writes its recipients into {@link Chunk}s in user id
 * order and remembers how far it got, so that a crash resumes where it stopped.
 *
 * @param segment topic keys whose followers receive an announcement; empty: every citizen who follows anything
 * @param notBefore not planned before this time (a scheduled announcement)
 * @param digestDay for a digest: the held notices of days before this one (yyyy-MM-dd)
 * @param plannedUpTo the last user id written into a chunk
 * @param chunks chunks written so far
 * @param recipients citizens the delivery is sent to; {@code held}: citizens over their daily cap
 */
@Document("deliveries")
record Delivery(@Id String id, Kind kind, List<String> changeIds, List<String> segment, String text, boolean urgent,
		Instant notBefore, String digestDay, State state, String plannedUpTo, int chunks, int recipients, int held,
		String pauseReason, Instant createdAt, Instant plannedAt) {

	Delivery {
		changeIds = changeIds == null ? List.of() : List.copyOf(changeIds);
		segment = segment == null ? List.of() : List.copyOf(segment);
	}

	enum Kind {
		CHANGES, DIGEST, ANNOUNCEMENT
	}

	enum State {
		/** Recipients are being written (or will be when {@code notBefore} comes). */
		PLANNING,
		/** Every recipient is in a chunk; the senders do the rest. */
		PLANNED,
		/** Held back, e.g. because LINE's monthly quota would not cover it; an administrator resumes it. */
		PAUSED,
		/** Withdrawn by an administrator before it was planned. */
		CANCELLED
	}

	static Delivery of(String id, Kind kind, List<String> changeIds, List<String> segment, String text, boolean urgent,
			Instant notBefore, String digestDay, Instant now) {
		return new Delivery(id, kind, changeIds, segment, text, urgent, notBefore, digestDay, State.PLANNING, "", 0, 0, 0,
				null, now, null);
	}
}
