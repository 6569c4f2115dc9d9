package jp.shisakunavi.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as the console shows them, in Asia/Tokyo: {@code th:text="${@time.of(entry.at())}"} → 2026-12-02 09:30. */
@Component("time")
public class ConsoleTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));
	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

	public String of(Instant instant) {
		return instant == null ? "" : MINUTES.format(instant);
	}

	public String precise(Instant instant) {
		return instant == null ? "" : SECONDS.format(instant);
	}
}
