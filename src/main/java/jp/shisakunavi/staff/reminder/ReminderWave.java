package jp.shisakunavi.staff.reminder;

import java.time.LocalDate;

import jp.shisakunavi.account.StaffRole;

/**
 * One day's reminder of a round to one audience: the parameters of a {@code STAFF-REMINDER} delivery.
 *
 * @param day the business day it is sent on, ISO ({@code 2026-05-08})
 * @param step the ladder's name for it ({@link ReminderDay#step()})
 * @param overdueDays business days past the due date on that day
 */
record ReminderWave(String roundId, String day, String step, StaffRole audience, int overdueDays) {

	static final String KIND = "STAFF-REMINDER";

	/** {@code STAFF-REMINDER:<round>:<day>:<step>:<audience>}: ordered again, the same delivery. */
	String deliveryId() {
		return KIND + ":" + roundId + ":" + day + ":" + step + ":" + audience.name().toLowerCase(java.util.Locale.ROOT);
	}

	LocalDate date() {
		return LocalDate.parse(day);
	}
}
