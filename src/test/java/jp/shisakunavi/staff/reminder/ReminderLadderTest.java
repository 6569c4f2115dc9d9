package jp.shisakunavi.staff.reminder;

import static jp.shisakunavi.account.StaffRole.COORDINATOR;
import static jp.shisakunavi.account.StaffRole.HEAD;
import static jp.shisakunavi.account.StaffRole.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.calendar.BusinessCalendar;
import jp.shisakunavi.staff.ReminderStep;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.ReminderStep.Moment;

/** The default ladder and a changed one, day by day, across Golden Week, the year end and a due date on a Saturday. */
class ReminderLadderTest {

	final BusinessCalendar calendar = BusinessCalendar.withYearEndClosure("12/29-01/03");
	final ReminderLadder ladder = new ReminderLadder(ReminderStep.defaultLadder(), calendar);

	@Test
	void theDefaultLadderAcrossGoldenWeek() {
		LocalDate opens = LocalDate.of(2026, 4, 1);
		LocalDate due = LocalDate.of(2026, 5, 8);

		assertThat(reminders(opens, due, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 5, 31))).containsExactly(
				entry("2026-04-01", "opening", REPORTER),
				entry("2026-04-20", "before-10", REPORTER),
				// 5/1 is the only business day between 4/29 昭和の日 and the holidays of 5/3 to 5/6 (振替休日)
				entry("2026-04-30", "before-3", REPORTER),
				entry("2026-05-08", "due", REPORTER),
				entry("2026-05-12", "overdue-2", REPORTER, HEAD),
				entry("2026-05-14", "overdue-4", REPORTER, HEAD),
				entry("2026-05-15", "overdue-5", COORDINATOR),
				entry("2026-05-18", "overdue-6", REPORTER, HEAD, COORDINATOR),
				entry("2026-05-20", "overdue-8", REPORTER, HEAD, COORDINATOR),
				entry("2026-05-22", "overdue-10", REPORTER, HEAD, COORDINATOR),
				entry("2026-05-26", "overdue-12", REPORTER, HEAD, COORDINATOR),
				entry("2026-05-28", "overdue-14", REPORTER, HEAD, COORDINATOR));
		Round round = new Round("r", "多治見市", "tajimi-4", "第4次多治見市情報化計画", 2025, opens, due, List.of(), false, null,
				List.of(), 0, null, null, null);
		assertThat(round.escalatedOn(LocalDate.of(2026, 5, 14), calendar)).isFalse();
		assertThat(round.escalatedOn(LocalDate.of(2026, 5, 15), calendar)).isTrue();
	}

	@Test
	void countsOverTheYearEndClosureAndBringsASaturdayDueDateForward() {
		assertThat(reminders(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 6), LocalDate.of(2026, 12, 1),
				LocalDate.of(2027, 1, 8))).containsExactly(
				entry("2026-12-01", "opening", REPORTER),
				entry("2026-12-17", "before-10", REPORTER),
				entry("2026-12-28", "before-3", REPORTER),
				entry("2027-01-06", "due", REPORTER),
				entry("2027-01-08", "overdue-2", REPORTER, HEAD));

		assertThat(reminders(LocalDate.of(2026, 6, 12), LocalDate.of(2026, 6, 13), LocalDate.of(2026, 6, 12),
				LocalDate.of(2026, 6, 16))).as("opening and due day together, then overdue from the Monday").containsExactly(
				entry("2026-06-12", "due", REPORTER),
				entry("2026-06-16", "overdue-2", REPORTER, HEAD));
	}

	@Test
	void aChangedLadderIsReadAsStored() {
		ReminderLadder weekly = new ReminderLadder(List.of(new ReminderStep(Moment.BEFORE_DUE, 5, List.of(REPORTER, HEAD)),
				new ReminderStep(Moment.OVERDUE_EVERY, 5, List.of(REPORTER))), calendar);

		Map<String, String> days = new LinkedHashMap<>();
		LocalDate.of(2026, 9, 1).datesUntil(LocalDate.of(2026, 10, 10)).forEach(day -> weekly
			.on(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 25), day)
			.ifPresent(r -> days.put(day.toString(), r.step() + " " + Set.copyOf(r.audience()).size())));

		// 9/21 to 9/23 are holidays: five business days before 9/25 is 9/15
		assertThat(days).containsExactly(Map.entry("2026-09-15", "before-5 2"), Map.entry("2026-10-02", "overdue-5 1"),
				Map.entry("2026-10-09", "overdue-10 1"));
	}

	@Test
	void aMissedReminderGoesOutOnTheNextBusinessDayAsOne() {
		LocalDate opens = LocalDate.of(2026, 4, 1);
		LocalDate due = LocalDate.of(2026, 5, 8);

		assertThat(ladder.due(opens, due, null, LocalDate.of(2026, 4, 2))).as("opened after office hours")
			.hasValueSatisfying(r -> assertThat(r.step()).isEqualTo("opening"));
		assertThat(ladder.due(opens, due, LocalDate.of(2026, 4, 17), LocalDate.of(2026, 4, 21)))
			.hasValueSatisfying(r -> assertThat(r.step()).isEqualTo("before-10"));
		assertThat(ladder.due(opens, due, LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 15))).as("several at once")
			.hasValueSatisfying(r -> {
				assertThat(r.step()).isEqualTo("overdue-5");
				assertThat(r.audience()).containsExactlyInAnyOrder(REPORTER, HEAD, COORDINATOR);
				assertThat(r.overdueDays()).isEqualTo(5);
			});
		assertThat(ladder.due(opens, due, LocalDate.of(2026, 4, 21), LocalDate.of(2026, 4, 22))).isEmpty();
		assertThat(ladder.due(opens, due, null, LocalDate.of(2026, 3, 31))).as("not open yet").isEmpty();
		assertThat(ladder.due(opens, due, LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 2))).as("a Saturday").isEmpty();
	}

	private Map<String, String> reminders(LocalDate opens, LocalDate due, LocalDate from, LocalDate to) {
		Map<String, String> days = new LinkedHashMap<>();
		from.datesUntil(to.plusDays(1)).forEach(day -> ladder.on(opens, due, day).ifPresent(r -> days.put(day.toString(),
				r.step() + " " + r.audience().stream().sorted().map(StaffRole::name).toList())));
		return days;
	}

	private static Map.Entry<String, String> entry(String day, String step, StaffRole... audience) {
		return Map.entry(day, step + " " + java.util.Arrays.stream(audience).sorted().map(StaffRole::name).toList());
	}
}
