package jp.shisakunavi.account;

/** A staff member's part in the yearly progress reports. */
public enum StaffRole {

	/** 担当: reports the department's measures. */
	REPORTER("担当"),
	/** 所属長: the department's head; receives escalations and may approve the department's reports. */
	HEAD("所属長"),
	/** 取りまとめ: the coordinating department; reviews every report of the city. */
	COORDINATOR("取りまとめ");

	private final String label;

	StaffRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
