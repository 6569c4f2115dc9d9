package jp.shisakunavi.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jp.shisakunavi.account.StaffRole;

/**
 * An administrator's invitation to register as staff. Only a hash of its one-time code is kept: the code is shown
 * once, when it is issued.
 *
 * @param usedBy the LINE user who used the code (personal data, not shown)
 * @param memberId the staff member its code registered (null while unused)
 * @param reissuedAs the invitation that replaced this one (re-issue), if any
 */
@Document("staff_invitations")
public record Invitation(@Id String id, String municipality, List<String> departments, StaffRole role, String name,
		@JsonIgnore String codeHash, Instant issuedAt, Instant expiresAt, String issuedBy, Instant usedAt,
		@JsonIgnore String usedBy, String memberId, Instant revokedAt, String reissuedAs) {

	public Invitation {
		departments = departments == null ? List.of() : List.copyOf(departments);
		name = name == null ? "" : name;
	}

	/** Where an invitation stands, as the console shows it. */
	public enum Status {
		OPEN("未使用"), USED("登録済み"), EXPIRED("期限切れ"), REVOKED("取り消し");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Status status(Instant now) {
		if (revokedAt != null) {
			return Status.REVOKED;
		}
		if (usedAt != null) {
			return Status.USED;
		}
		return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
	}
}
