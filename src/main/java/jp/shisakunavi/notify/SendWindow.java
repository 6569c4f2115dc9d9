package jp.shisakunavi.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The hours in which citizens may be sent messages ({@code NOTIFY_SEND_WINDOW}, e.g. {@code 09:00-18:00} in
 * Asia/Tokyo); outside them messages wait, unless urgent. A window whose end is before its start spans midnight.
 */
record SendWindow(LocalTime from, LocalTime to) {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** Always open. */
	static final SendWindow ALWAYS = new SendWindow(null, null);

	static SendWindow parse(String text) {
		if (text == null || text.isBlank()) {
			return ALWAYS;
		}
		String[] parts = text.trim().split("\\s*[-–~〜]\\s*");
		try {
			if (parts.length != 2) {
				throw new DateTimeParseException("expected HH:MM-HH:MM", text, 0);
			}
			LocalTime from = LocalTime.parse(pad(parts[0]));
			LocalTime to = LocalTime.parse(pad(parts[1]));
			if (from.equals(to)) {
				throw new DateTimeParseException("start and end are the same", text, 0);
			}
			return new SendWindow(from, to);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("NOTIFY_SEND_WINDOW must look like 09:00-18:00 (or be empty for always), not '"
					+ text + "'", e);
		}
	}

	boolean isOpen(Instant now) {
		if (from == null) {
			return true;
		}
		LocalTime time = now.atZone(TOKYO).toLocalTime();
		return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
	}

	/** The day whose messages something sent at the next opening counts as. */
	LocalDate sendingDay(Instant now) {
		ZonedDateTime local = now.atZone(TOKYO);
		if (isOpen(now) || from == null) {
			return from != null && from.isAfter(to) && local.toLocalTime().isBefore(to)
					? local.toLocalDate().minusDays(1) : local.toLocalDate();
		}
		return local.toLocalTime().isBefore(from) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
	}

	@Override
	public String toString() {
		return from == null ? "always" : from + "-" + to;
	}

	private static String pad(String time) {
		return time.length() == 4 ? "0" + time : time;
	}
}
