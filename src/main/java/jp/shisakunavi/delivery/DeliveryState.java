package jp.shisakunavi.delivery;

/** Where a delivery stands, as an administrator needs to know it. */
public enum DeliveryState {
	/** Accepted, to be planned and sent at its time ({@link DeliveryOrder#notBefore()}). */
	PLANNED,
	/** Due, but its send window is closed: it goes out when the window opens. */
	HELD,
	/** Being planned or sent. */
	SENDING,
	/** Finished: every batch went out. */
	SENT,
	/** Finished, and at least one batch failed for good (the report says how many recipients and why). */
	FAILED,
	/** Withdrawn by an administrator; what was sent before stays counted, the rest is not sent. */
	CANCELLED,
	/**
	 * Waiting for an administrator: LINE's monthly quota would not cover it, or is used up (then every delivery
	 * in progress waits).
	 */
	PAUSED
}
