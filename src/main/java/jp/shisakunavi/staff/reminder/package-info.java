/**
 * Staff reminders (督促): the round's reminder ladder read in business days ({@link jp.shisakunavi.calendar}), the
 * day's reminder decided per round and ordered from delivery as {@code STAFF-REMINDER} within office hours, and the
 * card each staff member gets — what their departments still owe, with a button per unit to report it.
 */
package jp.shisakunavi.staff.reminder;
