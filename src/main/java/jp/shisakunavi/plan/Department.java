package jp.shisakunavi.plan;

/** A department (課) and its role for a measure: lead (主管課/担当課) or related (関係課). */
public record Department(String name, Role role) {

	public enum Role {
		LEAD, RELATED
	}

	public Department {
		role = role == null ? Role.LEAD : role;
	}
}
