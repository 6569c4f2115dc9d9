package jp.shisakunavi.account;

/** What an account may do, named as the console shows it. */
public enum Role {

	/** 管理者: everything, including accounts and the audit log; never limited to municipalities. */
	ADMIN("管理者"),
	/** 編集者: FAQ, plan data, imports and announcements, within the account's municipalities. */
	EDITOR("編集者"),
	/** 閲覧者: reads everything of the account's municipalities, changes nothing. */
	VIEWER("閲覧者"),
	/** 職員: reports the progress of the own department's measures (see {@link StaffRole}). */
	STAFF("職員");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The Spring Security authority ({@code ROLE_ADMIN} …), as {@code hasRole("ADMIN")} and Actuator expect it. */
	public String authority() {
		return "ROLE_" + name();
	}
}
