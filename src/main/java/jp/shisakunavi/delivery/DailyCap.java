package jp.shisakunavi.delivery;

import java.util.Objects;

/**
 * How a delivery's messages count per recipient and day: each in a counter of its own name (citizens' messages
 * and staff reminders are counted apart), and, with a limit, recipients who already got that many that day are
 * not sent this delivery but handed back to the client ({@link DeliveryClient#held}). The day is the one its
 * send window sends on ({@link SendWindow#sendingDay}). Urgent deliveries are counted but never held.
 *
 * @param limit messages per recipient and day; 0: counted only
 */
public record DailyCap(String counter, int limit) {

	public DailyCap {
		Objects.requireNonNull(counter, "counter");
		if (counter.isBlank() || counter.contains("|")) {
			throw new IllegalArgumentException("a daily counter needs a name without '|'");
		}
		if (limit < 0) {
			throw new IllegalArgumentException("a daily cap cannot be negative");
		}
	}

	/** Counted, never held back. */
	public static DailyCap counted(String counter) {
		return new DailyCap(counter, 0);
	}

	/** At most {@code limit} messages per recipient and day in this counter. */
	public static DailyCap atMost(String counter, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("a daily cap needs a limit of at least 1");
		}
		return new DailyCap(counter, limit);
	}
}
