package jp.shisakunavi.plan;

/**
 * A department (課) named for a measure, with its role where the document states it: lead (主管課/担当課) or
 * related (関係課); null where the document lists departments without saying which leads.
 */
public record Department(String name, Role role) {

	public enum Role {
		LEAD, RELATED
	}
}
