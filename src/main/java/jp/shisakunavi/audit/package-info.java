/**
 * The audit log: every change made in the console or through the admin API — who, when, through what, what it
 * changed, before and after — kept in MongoDB, searchable, and exportable as CSV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package jp.shisakunavi.audit;
