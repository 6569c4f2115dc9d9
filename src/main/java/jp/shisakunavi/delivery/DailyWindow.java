package jp.shisakunavi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The same hours every day in Asia/Tokyo, e.g. {@code 09:00-18:00}; a window whose end is before its start spans
 * midnight, and one without hours is always open.
 */
public record DailyWindow(String name, LocalTime from, LocalTime to) implements SendWindow {

	/** Open at any time: for deliveries that must not wait for anything. */
	public static final DailyWindow ALWAYS = new DailyWindow("always", null, null);

	public DailyWindow {
		Objects.requireNonNull(name, "name");
		if ((from == null) != (to == null) || from != null && from.equals(to)) {
			throw new IllegalArgumentException("a daily window needs a start and a different end, or neither");
		}
	}

	/**
	 * Reads hours as a deployer writes them ({@code 09:00-18:00}, {@code 9:00〜18:00}; empty: always open).
	 *
	 * @param setting the setting the text comes from, for the message when it cannot be read
	 */
	public static DailyWindow parse(String name, String setting, String text) {
		if (text == null || text.isBlank()) {
			return new DailyWindow(name, null, null);
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
			return new DailyWindow(name, from, to);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(setting + " must look like 09:00-18:00 (or be empty for always), not '"
					+ text + "'", e);
		}
	}

	@Override
	public boolean isOpen(Instant at) {
		if (from == null) {
			return true;
		}
		LocalTime time = at.atZone(TOKYO).toLocalTime();
		return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
	}

	/** An overnight window's hours after midnight count as the day it opened. */
	@Override
	public LocalDate sendingDay(Instant at) {
		ZonedDateTime local = at.atZone(TOKYO);
		if (from == null || isOpen(at)) {
			return from != null && from.isAfter(to) && local.toLocalTime().isBefore(to)
					? local.toLocalDate().minusDays(1) : local.toLocalDate();
		}
		return local.toLocalTime().isBefore(from) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
	}

	@Override
	public String toString() {
		return name + " " + (from == null ? "always" : from + "-" + to);
	}

	private static String pad(String time) {
		return time.length() == 4 ? "0" + time : time;
	}
}
