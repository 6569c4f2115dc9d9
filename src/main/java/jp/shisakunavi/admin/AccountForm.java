package jp.shisakunavi.admin;

import java.util.Arrays;
import java.util.List;

import jp.shisakunavi.account.Account;
import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;

/**
 * The account form as submitted: departments are typed one per line (or separated by 、 or commas).
 *
 * @param version the version of the account the form was filled from (null when creating)
 */
record AccountForm(String username, String displayName, Role role, List<String> municipalities, String departments,
		StaffRole staffRole, Long version) {

	static final AccountForm EMPTY = new AccountForm("", "", Role.EDITOR, List.of(), "", null, null);

	AccountForm {
		municipalities = municipalities == null ? List.of() : municipalities;
		departments = departments == null ? "" : departments;
	}

	static AccountForm of(Account account) {
		return new AccountForm(account.username(), account.displayName(), account.role(), account.municipalities(),
				String.join("\n", account.departments()), account.staffRole(), account.version());
	}

	/** The draft; staff fields only for staff, so that a role changed away from 職員 drops them. */
	AccountDraft draft(String lineUserId) {
		if (role != Role.STAFF) {
			return new AccountDraft(displayName, role, municipalities, List.of(), null, null);
		}
		List<String> names = Arrays.stream(departments.split("[\\r\\n,、，]+")).map(String::strip).filter(d -> !d.isEmpty()).toList();
		return new AccountDraft(displayName, role, municipalities, names, staffRole, lineUserId);
	}
}
