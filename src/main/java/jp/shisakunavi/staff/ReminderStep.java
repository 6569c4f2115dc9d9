package jp.shisakunavi.staff;

import java.util.List;

import jp.shisakunavi.account.StaffRole;

/**
 * One step of a round's reminder ladder, stored with the round: when (relative to the opening or the due date, in
 * business days) and to whom.
 *
 * @param businessDays days before the due date ({@link Moment#BEFORE_DUE}), the interval ({@link Moment#OVERDUE_EVERY})
 *        or days past it ({@link Moment#OVERDUE_AFTER}); 0 for the others
 * @param audience who is reminded: the department's reporters, its head, the coordinating department
 */
public record ReminderStep(Moment moment, int businessDays, List<StaffRole> audience) {

	public ReminderStep {
		audience = List.copyOf(audience);
		if (businessDays < 0) {
			throw new IllegalArgumentException("businessDays must not be negative");
		}
	}

	public enum Moment {
		/** The day the round opens. */
		OPENING,
		/** {@code businessDays} business days before the due date. */
		BEFORE_DUE,
		/** The due date. */
		DUE_DAY,
		/** Every {@code businessDays} business days while overdue. */
		OVERDUE_EVERY,
		/** Once, {@code businessDays} business days after the due date, and from then on with the overdue reminders. */
		OVERDUE_AFTER
	}

	/** The default ladder: opening, 10 and 3 business days before, the due day, every 2 overdue, escalations at 2 and 5. */
	public static List<ReminderStep> defaultLadder() {
		List<StaffRole> reporters = List.of(StaffRole.REPORTER);
		return List.of(new ReminderStep(Moment.OPENING, 0, reporters), new ReminderStep(Moment.BEFORE_DUE, 10, reporters),
				new ReminderStep(Moment.BEFORE_DUE, 3, reporters), new ReminderStep(Moment.DUE_DAY, 0, reporters),
				new ReminderStep(Moment.OVERDUE_EVERY, 2, reporters),
				new ReminderStep(Moment.OVERDUE_AFTER, 2, List.of(StaffRole.HEAD)),
				new ReminderStep(Moment.OVERDUE_AFTER, 5, List.of(StaffRole.COORDINATOR)));
	}
}
