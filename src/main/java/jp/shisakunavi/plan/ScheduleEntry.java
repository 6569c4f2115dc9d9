package jp.shisakunavi.plan;

/** What a plan schedules for one fiscal year (実施計画). */
public record ScheduleEntry(int fiscalYear, String text) {
}
