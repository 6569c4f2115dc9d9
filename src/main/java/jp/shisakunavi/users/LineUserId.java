package jp.shisakunavi.users;

import java.util.Objects;

import jp.shisakunavi.system.UserIds;

/**
 * Who a LINE user is: the id LINE gives (U and 32 hex digits) or, for the chat simulator's users, {@code sim-…}.
 * Personal data: {@link #toString()} is the masked form, so that a log line or an error message never carries the
 * id itself; {@link #value()} is for storage and LINE's API.
 */
public record LineUserId(String value) implements Comparable<LineUserId> {

	/** The simulator's users are users of the simulator channel, never of LINE. */
	public static final String SIMULATOR_PREFIX = "sim-";
	/** Sorts before every id: where a walk in id order starts. */
	public static final LineUserId START = new LineUserId("");

	public LineUserId {
		Objects.requireNonNull(value, "a LINE user id");
	}

	public static LineUserId of(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a LINE user id must not be empty");
		}
		return new LineUserId(value);
	}

	/** A user of the chat simulator, who is sent to through its inbox, not through LINE. */
	public boolean simulator() {
		return value.startsWith(SIMULATOR_PREFIX);
	}

	@Override
	public int compareTo(LineUserId other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return UserIds.masked(value);
	}
}
