package jp.shisakunavi.staff.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as staff read them in the chat. */
final class StaffTexts {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 H:mm");

	private StaffTexts() {
	}

	static String day(LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}

	static String time(Instant at) {
		return at == null ? "" : TIME.format(at.atZone(TOKYO));
	}
}
