package jp.shisakunavi.staff;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as staff read them, and the checks of the texts they write. */
final class ReportTexts {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 H:mm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final String FORMULA_START = "=+-@";

	private ReportTexts() {
	}

	static String time(Instant at) {
		return at == null ? "" : TIME.format(at.atZone(TOKYO));
	}

	static String day(LocalDate day) {
		return DAY.format(day);
	}

	/** The text as written, trimmed; null when blank. */
	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String normalized(String value) {
		return value == null ? null : text(Normalizer.normalize(value, Normalizer.Form.NFKC));
	}

	/**
	 * Texts end up in spreadsheets (the export) and in published history: one a spreadsheet would run as a formula
	 * is refused, as the evaluation intake refuses it.
	 */
	static void checkText(String field, String label, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			throw new ReportRefused(field, label + "は" + String.format("%,d", max) + "文字までです（今は" + String.format("%,d", value.length())
					+ "文字です）。短くしてから、もう一度送ってください。");
		}
		if (FORMULA_START.indexOf(value.charAt(0)) >= 0) {
			throw new ReportRefused(field, label + "が「" + value.charAt(0)
					+ "」で始まっています。表計算ソフトで数式として扱われるため、先頭に別の文字（「・」など）を付けてください。");
		}
	}
}
