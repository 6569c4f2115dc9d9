package jp.shisakunavi.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.users.LineUserId;

/**
 * A LINE user registered as staff of one municipality, for one or more departments, with one role. The same LINE
 * user may also be a citizen; being staff changes nothing on that side.
 *
 * @param lineUserId the LINE user's id (personal data: not shown in the console or the API; null once erased)
 * @param name the person's name as the administrator wrote it on the invitation (may be empty)
 * @param departments the departments' names as invited (resolved through aliases when compared)
 * @param revokedAt when the administrator revoked the member, or the member was replaced by a newer registration
 *        of the same LINE user; a revoked member is sent nothing and may report nothing
 */
@Document("staff_members")
public record StaffMember(@Id String id, @JsonIgnore String lineUserId, String name, String municipality,
		List<String> departments, StaffRole role, String invitationId, Instant registeredAt, Instant revokedAt) {

	public StaffMember {
		departments = departments == null ? List.of() : List.copyOf(departments);
		name = name == null ? "" : name;
	}

	@JsonIgnore
	public LineUserId lineUser() {
		return lineUserId == null ? null : LineUserId.of(lineUserId);
	}

	public boolean active() {
		return revokedAt == null && lineUserId != null;
	}

	/** What the member is registered for, as the member and the console read it: 多治見市 情報課（担当）. */
	public String description() {
		return municipality + " " + (departments.isEmpty() ? "" : String.join("・", departments)) + "（" + role.label() + "）";
	}

	StaffMember revoked(Instant at) {
		return new StaffMember(id, lineUserId, name, municipality, departments, role, invitationId, registeredAt, at);
	}
}
