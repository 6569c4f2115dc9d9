package jp.shisakunavi.staff.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import jp.shisakunavi.calendar.BusinessCalendar;
import jp.shisakunavi.delivery.DailyWindow;
import jp.shisakunavi.delivery.SendWindow;

/**
 * When staff reminders go out: office hours ({@code STAFF_OFFICE_HOURS}, 08:30–17:15 by default) on business days.
 * Closed on days the holiday calendar does not cover, which rounds cannot reach (they are refused there).
 */
@Component
class OfficeHours implements SendWindow {

	static final String NAME = "staff-office-hours";

	private final DailyWindow hours;
	private final BusinessCalendar calendar;

	OfficeHours(ReminderProperties properties, BusinessCalendar calendar) {
		this.hours = DailyWindow.parse(NAME, "STAFF_OFFICE_HOURS", properties.officeHours());
		if (hours.from() == null || !hours.from().isBefore(hours.to())) {
			throw new IllegalArgumentException("STAFF_OFFICE_HOURS must be hours within one day like 08:30-17:15, not '"
					+ properties.officeHours() + "'");
		}
		this.calendar = calendar;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean isOpen(Instant at) {
		LocalDate day = LocalDate.ofInstant(at, TOKYO);
		return calendar.covers(day) && calendar.isBusinessDay(day) && hours.isOpen(at);
	}

	/** Today while open or before today's closing on a business day; otherwise the next business day. */
	@Override
	public LocalDate sendingDay(Instant at) {
		ZonedDateTime local = at.atZone(TOKYO);
		LocalDate day = local.toLocalDate();
		if (calendar.covers(day) && calendar.isBusinessDay(day) && local.toLocalTime().isBefore(hours.to())) {
			return day;
		}
		do {
			day = day.plusDays(1);
		}
		while (calendar.covers(day) && !calendar.isBusinessDay(day));
		return day;
	}

	/** When the office opens on a day. */
	Instant opening(LocalDate day) {
		return day.atTime(hours.from()).atZone(TOKYO).toInstant();
	}

	@Override
	public String toString() {
		return "staff office hours " + hours.from() + "-" + hours.to() + " on business days";
	}
}
