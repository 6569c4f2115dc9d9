package jp.shisakunavi.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.calendar.BusinessCalendar;

/**
 * A report round (報告依頼): a municipality's plan, the fiscal year reported, when it opens and is due, which units,
 * whether the head approves first, and the reminder ladder. Its obligations are stored apart.
 *
 * @param unitIds the units chosen by the administrator; empty: the default (not finished or abolished)
 * @param unassigned units to report that no department is responsible for (the plan names none and no mapping
 *        assigns one): they owe nothing until assigned
 * @param version incremented with every change (a change states the version it read)
 */
@Document("staff_rounds")
public record Round(@Id String id, String municipality, String planId, String planTitle, int fiscalYear,
		LocalDate opensOn, LocalDate dueOn, List<String> unitIds, boolean headApprovalFirst, List<ReminderStep> ladder,
		List<String> unassigned, long version, Instant openedAt, String openedBy, Instant changedAt) {

	public Round {
		unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
		ladder = ladder == null ? ReminderStep.defaultLadder() : List.copyOf(ladder);
		unassigned = unassigned == null ? List.of() : List.copyOf(unassigned);
	}

	/** Reports are taken from the opening day on. */
	public boolean openOn(LocalDate day) {
		return !day.isBefore(opensOn);
	}

	/** The due date has passed. */
	public boolean overdueOn(LocalDate day) {
		return day.isAfter(dueOn);
	}

	/**
	 * Whether the round is escalated to the coordinating department on that day: its ladder's step for the
	 * coordinating department ({@link ReminderStep.Moment#OVERDUE_AFTER} with {@link StaffRole#COORDINATOR}) has
	 * been reached, counted in business days after the due date.
	 */
	public boolean escalatedOn(LocalDate day, BusinessCalendar calendar) {
		if (!overdueOn(day)) {
			return false;
		}
		int overdue = calendar.businessDaysAfter(dueOn, day);
		return ladder.stream().anyMatch(s -> s.moment() == ReminderStep.Moment.OVERDUE_AFTER && s.businessDays() > 0
				&& s.audience().contains(StaffRole.COORDINATOR) && overdue >= s.businessDays());
	}
}
