package jp.shisakunavi.account;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in. The password hash and the sign-in failures are kept apart ({@link Credential}), so that
 * an account can be shown, listed and audited without them.
 *
 * @param username unique, in lower case; never changes (the audit log names accounts by it)
 * @param municipalities the municipalities the account is limited to; empty: all (always empty for 管理者)
 * @param departments for staff: the departments (担当課) they report for; empty otherwise
 * @param staffRole for staff: 担当, 所属長 or 取りまとめ; null otherwise
 * @param lineUserId for staff: the LINE user they are, once linked (personal data: removed when revoked)
 * @param revokedAt when the account was revoked; a revoked account can do nothing
 */
@Document("accounts")
public record Account(@Id String id, String username, String displayName, Role role, List<String> municipalities,
		List<String> departments, StaffRole staffRole, String lineUserId, Instant createdAt, Instant revokedAt,
		@Version Long version) {

	public Account {
		municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
		departments = departments == null ? List.of() : List.copyOf(departments);
	}

	public boolean revoked() {
		return revokedAt != null;
	}

	/** The person as they want to be named, or the user name. */
	public String name() {
		return displayName == null || displayName.isBlank() ? username : displayName;
	}

	Account with(AccountDraft draft) {
		return new Account(id, username, draft.displayName(), draft.role(), draft.municipalities(), draft.departments(),
				draft.staffRole(), draft.lineUserId(), createdAt, revokedAt, version);
	}

	Account revokedAt(Instant when) {
		return new Account(id, username, displayName, role, municipalities, departments, staffRole, null, createdAt, when,
				version);
	}

	Account restored(Role role) {
		return new Account(id, username, displayName, role, List.of(), List.of(), null, lineUserId, createdAt, null, version);
	}

	/** What the audit log keeps of an account (everything but its version). */
	AuditedAccount audited() {
		return new AuditedAccount(username, displayName, role, municipalities, departments, staffRole,
				lineUserId != null, revokedAt);
	}

	record AuditedAccount(String username, String displayName, Role role, List<String> municipalities,
			List<String> departments, StaffRole staffRole, boolean lineLinked, Instant revokedAt) {
	}
}
