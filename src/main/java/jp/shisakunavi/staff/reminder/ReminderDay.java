package jp.shisakunavi.staff.reminder;

import java.time.LocalDate;
import java.util.Set;

import jp.shisakunavi.account.StaffRole;

/**
 * The reminder a round sends on one business day: one message per staff member of the audience, whatever steps of
 * the ladder fall on that day.
 *
 * @param step the ladder's name for it, part of the delivery's id: {@code opening}, {@code before-10},
 *        {@code due}, {@code overdue-4}
 * @param audience who is reminded: the departments' reporters, their heads, the coordinating department's staff
 * @param overdueDays business days past the due date (0 until it has passed)
 */
public record ReminderDay(LocalDate day, String step, Set<StaffRole> audience, int overdueDays) {

	public ReminderDay {
		audience = Set.copyOf(audience);
	}
}
