/**
 * Staff of the municipalities and their yearly progress reports: invitations and registration of LINE users as
 * staff, the departments that report (from the plan data, an administrator's mapping and aliases), report rounds
 * (報告依頼) with the obligations they derive, reports with their history, review and publication through the
 * evaluation intake.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package jp.shisakunavi.staff;
