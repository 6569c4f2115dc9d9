package jp.shisakunavi.staff;

/** Where the report of one obligation stands: 未着手 → 下書き → 提出済 (→ 所属長承認) → 承認済 → 公開済, or 差戻し. */
public enum ReportStatus {
	NOT_STARTED("未着手"),
	DRAFT("下書き"),
	SUBMITTED("提出済"),
	/** Approved by the department's head, when the round asks for that before review. */
	HEAD_APPROVED("所属長承認"),
	RETURNED("差戻し"),
	APPROVED("承認済"),
	PUBLISHED("公開済");

	private final String label;

	ReportStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Still owed by the department: nothing submitted, or returned to it. */
	public boolean owed() {
		return this == NOT_STARTED || this == DRAFT || this == RETURNED;
	}

	/** The department may still change the report. */
	public boolean editable() {
		return owed() || this == SUBMITTED;
	}
}
