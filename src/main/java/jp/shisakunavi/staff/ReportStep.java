package jp.shisakunavi.staff;

import java.time.Instant;

/**
 * One step in the history of a report: who did what when, and the report as it stood after it.
 *
 * @param version the obligation's version after the step
 * @param by who did it (an account's user name or {@code staff:<member id>})
 * @param byName the name the console shows
 * @param comment the reviewer's comment of a return (差戻し), or null
 */
public record ReportStep(long version, ReportStatus status, String by, String byName, Instant at, ReportDraft report,
		String comment) {
}
