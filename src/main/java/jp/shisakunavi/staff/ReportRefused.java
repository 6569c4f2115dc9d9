package jp.shisakunavi.staff;

/**
 * A report (or review step) that is not taken; the message says why in Japanese, for the staff member. Nothing was
 * stored.
 */
public class ReportRefused extends IllegalArgumentException {

	private final String field;

	public ReportRefused(String message) {
		this(null, message);
	}

	public ReportRefused(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field at fault ({@code rating}, {@code progress}, {@code issues}, {@code attachmentUrl}), or null. */
	public String field() {
		return field;
	}
}
