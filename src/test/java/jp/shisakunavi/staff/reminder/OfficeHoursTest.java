package jp.shisakunavi.staff.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import jp.shisakunavi.calendar.BusinessCalendar;
import jp.shisakunavi.delivery.SendWindow;

/** Reminders go out in office hours of business days only, and count towards the day they go out on. */
class OfficeHoursTest {

	final OfficeHours hours = new OfficeHours(new ReminderProperties(null), BusinessCalendar.withYearEndClosure("12/29-01/03"));

	@Test
	void openFrom0830To1715OnBusinessDays() {
		assertThat(hours.isOpen(at("2026-05-07T08:29:59"))).isFalse();
		assertThat(hours.isOpen(at("2026-05-07T08:30:00"))).isTrue();
		assertThat(hours.isOpen(at("2026-05-07T17:14:59"))).isTrue();
		assertThat(hours.isOpen(at("2026-05-07T17:15:00"))).isFalse();
		assertThat(hours.isOpen(at("2026-05-06T10:00:00"))).as("振替休日").isFalse();
		assertThat(hours.isOpen(at("2026-12-29T10:00:00"))).as("year-end closure").isFalse();
		assertThat(hours.isOpen(at("2026-05-09T10:00:00"))).as("Saturday").isFalse();
	}

	@Test
	void whatWaitsCountsTowardsTheNextOpening() {
		assertThat(hours.sendingDay(at("2026-05-07T07:00:00"))).isEqualTo(LocalDate.of(2026, 5, 7));
		assertThat(hours.sendingDay(at("2026-05-01T18:00:00"))).as("after hours before Golden Week")
			.isEqualTo(LocalDate.of(2026, 5, 7));
		assertThat(hours.sendingDay(at("2026-12-28T17:15:00"))).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(hours.opening(LocalDate.of(2026, 5, 7))).isEqualTo(at("2026-05-07T08:30:00"));
	}

	@Test
	void hoursAreASetting() {
		OfficeHours longer = new OfficeHours(new ReminderProperties("8:00〜18:00"), BusinessCalendar.withYearEndClosure(""));

		assertThat(longer.isOpen(at("2026-05-07T08:00:00"))).isTrue();
		assertThat(longer.isOpen(at("2026-12-29T17:59:00"))).isTrue();
		assertThatThrownBy(() -> new OfficeHours(new ReminderProperties("22:00-06:00"), BusinessCalendar.withYearEndClosure("")))
			.hasMessageContaining("STAFF_OFFICE_HOURS must be hours within one day");
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SendWindow.TOKYO).toInstant();
	}
}
