package jp.shisakunavi.staff.chat;

import java.util.List;
import java.util.Optional;

/**
 * The data of the staff chat's buttons: {@code staff:<action>:<obligation id>[:<value>]}. {@code staff:report:<id>}
 * is also what the reminders' per-unit buttons send.
 *
 * @param value the rating of {@code rating}, the version read of {@code submit}; empty otherwise
 */
record StaffPostback(String action, String obligationId, String value) {

	static final String PREFIX = "staff:";
	static final String REPORT = "report";
	static final String RATING = "rating";
	static final String SUBMIT = "submit";
	static final String RESTART = "restart";
	private static final List<String> ACTIONS = List.of(REPORT, RATING, SUBMIT, RESTART);

	static Optional<StaffPostback> parse(String data) {
		if (data == null || !data.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = data.substring(PREFIX.length()).split(":", 3);
		if (parts.length < 2 || !ACTIONS.contains(parts[0]) || parts[1].isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new StaffPostback(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
	}

	static String report(String obligationId) {
		return PREFIX + REPORT + ":" + obligationId;
	}

	static String rating(String obligationId, String symbol) {
		return PREFIX + RATING + ":" + obligationId + ":" + symbol;
	}

	static String submit(String obligationId, long version) {
		return PREFIX + SUBMIT + ":" + obligationId + ":" + version;
	}

	static String restart(String obligationId) {
		return PREFIX + RESTART + ":" + obligationId;
	}
}
