package jp.shisakunavi.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the console's audit page asks for; every part may be empty.
 *
 * @param text found in the summary or the target
 * @param from first day (Asia/Tokyo), {@code to} last day, both included
 */
public record AuditFilter(String actor, String action, String municipality, String text,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

	public AuditFilter {
		actor = blankToNull(actor);
		action = blankToNull(action);
		municipality = blankToNull(municipality);
		text = blankToNull(text);
		if (text != null && text.length() > 200) {
			throw new IllegalArgumentException("検索する文字は200文字までにしてください");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("期間の始めが終わりより後になっています");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
