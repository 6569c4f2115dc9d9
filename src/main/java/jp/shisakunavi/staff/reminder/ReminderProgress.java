package jp.shisakunavi.staff.reminder;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far a round's reminders are decided: the last day whose reminder was ordered (or found not due), so that a
 * restart, another instance or the next pass does not decide a day again, and days missed are caught up.
 *
 * @param decidedUntil ISO date
 */
@Document("staff_reminder_progress")
record ReminderProgress(@Id String roundId, String decidedUntil, String lastStep, Instant decidedAt) {
}
