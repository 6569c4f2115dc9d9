package jp.shisakunavi.staff;

import java.time.LocalDate;
import java.util.List;

/**
 * What an administrator fills in to open or change a round.
 *
 * @param fiscalYear the fiscal year being reported (年度, within the plan's period)
 * @param unitIds the units to report; null or empty: every measure or item not finished or abolished
 * @param headApprovalFirst the department's head (所属長) approves each report before the coordinating department
 * @param ladder the reminder ladder; null: {@link ReminderStep#defaultLadder()}
 */
public record RoundDraft(String municipality, String planId, int fiscalYear, LocalDate opensOn, LocalDate dueOn,
		List<String> unitIds, boolean headApprovalFirst, List<ReminderStep> ladder) {
}
