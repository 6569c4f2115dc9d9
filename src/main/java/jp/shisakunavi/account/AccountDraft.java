package jp.shisakunavi.account;

import java.util.List;

/**
 * What an account is to be: the fields a console form or a staff invitation sets. {@link Accounts} checks it
 * (known municipalities, staff fields only for staff) before anything is stored.
 */
public record AccountDraft(String displayName, Role role, List<String> municipalities, List<String> departments,
		StaffRole staffRole, String lineUserId) {

	public AccountDraft {
		municipalities = municipalities == null ? List.of() : municipalities.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().toList();
		departments = departments == null ? List.of() : departments.stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList();
		displayName = displayName == null ? null : displayName.strip();
	}

	public static AccountDraft of(Role role, List<String> municipalities) {
		return new AccountDraft(null, role, municipalities, List.of(), null, null);
	}

	public static AccountDraft staff(String municipality, List<String> departments, StaffRole staffRole) {
		return new AccountDraft(null, Role.STAFF, List.of(municipality), departments, staffRole, null);
	}

	public AccountDraft linkedTo(String lineUserId) {
		return new AccountDraft(displayName, role, municipalities, departments, staffRole, lineUserId);
	}
}
