package jp.shisakunavi.staff.reminder;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.calendar.BusinessCalendar;
import jp.shisakunavi.staff.ReminderStep;
import jp.shisakunavi.staff.ReminderStep.Moment;

/**
 * A round's reminder ladder ({@link ReminderStep}s, as stored with the round) read against the business calendar.
 * Days count in business days: the due-day reminder goes on the last business day on or before the due date, the
 * steps before it count back from that day, and overdue days count the business days after the due date. Every
 * step on one day makes one reminder of that day, so that nobody gets two a day from one round.
 */
public final class ReminderLadder {

	private final List<ReminderStep> steps;
	private final BusinessCalendar calendar;

	public ReminderLadder(List<ReminderStep> steps, BusinessCalendar calendar) {
		this.steps = List.copyOf(steps);
		this.calendar = calendar;
	}

	/**
	 * The reminder to send on {@code day}, a business day: the steps that fall on it and those that fell on business
	 * days after {@code decidedUntil} and before it (missed while the service was down, or because the round was
	 * opened after office hours) — together one reminder, named after the latest. Nothing before the round opens.
	 *
	 * @param decidedUntil the last day a reminder was decided for; null: none yet
	 */
	public Optional<ReminderDay> due(LocalDate opensOn, LocalDate dueOn, LocalDate decidedUntil, LocalDate day) {
		if (!calendar.isBusinessDay(day) || day.isBefore(opensOn)) {
			return Optional.empty();
		}
		LocalDate from = decidedUntil == null || decidedUntil.isBefore(opensOn) ? opensOn : decidedUntil.plusDays(1);
		Set<StaffRole> audience = EnumSet.noneOf(StaffRole.class);
		String step = null;
		for (LocalDate past = from; !past.isAfter(day); past = past.plusDays(1)) {
			Optional<ReminderDay> on = on(opensOn, dueOn, past);
			if (on.isPresent()) {
				audience.addAll(on.get().audience());
				step = on.get().step();
			}
		}
		int overdue = dueOn.isBefore(day) ? calendar.businessDaysAfter(dueOn, day) : 0;
		return step == null ? Optional.empty() : Optional.of(new ReminderDay(day, step, audience, overdue));
	}

	/** The steps of the ladder that fall on one day, as one reminder; empty on days without one. */
	public Optional<ReminderDay> on(LocalDate opensOn, LocalDate dueOn, LocalDate day) {
		if (!calendar.isBusinessDay(day) || day.isBefore(opensOn)) {
			return Optional.empty();
		}
		LocalDate dueDay = calendar.onOrBefore(dueOn);
		int overdue = dueOn.isBefore(day) ? calendar.businessDaysAfter(dueOn, day) : 0;
		boolean overdueReminder = overdue > 0 && steps.stream()
			.anyMatch(s -> s.moment() == Moment.OVERDUE_EVERY && s.businessDays() > 0 && overdue % s.businessDays() == 0);
		Set<StaffRole> audience = EnumSet.noneOf(StaffRole.class);
		String step = null;
		for (ReminderStep s : steps) {
			String name = switch (s.moment()) {
				case OPENING -> day.equals(calendar.onOrAfter(opensOn)) ? "opening" : null;
				case BEFORE_DUE -> s.businessDays() > 0 && day.equals(calendar.plusBusinessDays(dueDay, -s.businessDays()))
						? "before-" + s.businessDays() : null;
				case DUE_DAY -> day.equals(dueDay) ? "due" : null;
				case OVERDUE_EVERY -> overdue > 0 && s.businessDays() > 0 && overdue % s.businessDays() == 0
						? "overdue-" + overdue : null;
				case OVERDUE_AFTER -> s.businessDays() > 0
						&& (overdue == s.businessDays() || overdue > s.businessDays() && overdueReminder)
						? "overdue-" + overdue : null;
			};
			if (name != null) {
				audience.addAll(s.audience());
				step = step == null || rank(name) > rank(step) ? name : step;
			}
		}
		return step == null ? Optional.empty() : Optional.of(new ReminderDay(day, step, audience, overdue));
	}

	private static int rank(String step) {
		return step.startsWith("overdue") ? 3 : step.equals("due") ? 2 : step.startsWith("before") ? 1 : 0;
	}
}
