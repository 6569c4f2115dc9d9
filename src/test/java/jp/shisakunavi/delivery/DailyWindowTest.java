package jp.shisakunavi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A daily send window as a deployer writes it (e.g. in NOTIFY_SEND_WINDOW), and when it lets messages out in Asia/Tokyo. */
class DailyWindowTest {

	private static final DailyWindow OFFICE_HOURS = parse("09:00-18:00");
	private static final DailyWindow OVERNIGHT = parse("22:00-06:00");

	@ParameterizedTest
	@ValueSource(strings = { "09:00-18:00", "9:00-18:00", " 09:00 - 18:00 ", "09:00〜18:00", "09:00~18:00" })
	void readsTheUsualWaysOfWritingHours(String text) {
		assertThat(parse(text)).isEqualTo(new DailyWindow("test", LocalTime.of(9, 0), LocalTime.of(18, 0)));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   " })
	void nothingMeansAlwaysOpen(String text) {
		DailyWindow window = parse(text);

		assertThat(window).isEqualTo(new DailyWindow("test", null, null));
		assertThat(window.isOpen(tokyo(2024, 5, 10, 3, 0))).isTrue();
		assertThat(window.isOpen(tokyo(2024, 5, 10, 23, 59))).isTrue();
	}

	@Test
	void anEndBeforeTheStartSpansMidnight() {
		assertThat(OVERNIGHT).isEqualTo(new DailyWindow("test", LocalTime.of(22, 0), LocalTime.of(6, 0)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "09:00", "abc", "25:00-18:00", "09:60-18:00", "09:00-09:00", "09:00-18:00-20:00", "9-18",
			"18:00-", "always" })
	void anythingElseIsRefusedSayingWhatIsExpected(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(text))
			.withMessageContaining("NOTIFY_SEND_WINDOW")
			.withMessageContaining("09:00-18:00")
			.withMessageContaining("'" + text + "'");
	}

	@Test
	void opensAtTheStartAndClosesAtTheEndInTokyoTime() {
		assertThat(OFFICE_HOURS.isOpen(tokyo(2024, 5, 10, 8, 59))).isFalse();
		assertThat(OFFICE_HOURS.isOpen(tokyo(2024, 5, 10, 9, 0))).isTrue();
		assertThat(OFFICE_HOURS.isOpen(tokyo(2024, 5, 10, 17, 59))).isTrue();
		assertThat(OFFICE_HOURS.isOpen(tokyo(2024, 5, 10, 18, 0))).isFalse();
		assertThat(OFFICE_HOURS.isOpen(tokyo(2024, 5, 10, 0, 0))).isFalse();
	}

	@Test
	void theHoursAreTokyosWhateverTheServersZone() {
		// 00:30 UTC is 09:30 in Tokyo; 10:00 UTC is 19:00 in Tokyo
		assertThat(OFFICE_HOURS.isOpen(Instant.parse("2024-05-10T00:30:00Z"))).isTrue();
		assertThat(OFFICE_HOURS.isOpen(Instant.parse("2024-05-10T10:00:00Z"))).isFalse();
	}

	@Test
	void anOvernightWindowIsOpenLateAndEarlyButNotByDay() {
		assertThat(OVERNIGHT.isOpen(tokyo(2024, 5, 10, 21, 59))).isFalse();
		assertThat(OVERNIGHT.isOpen(tokyo(2024, 5, 10, 22, 0))).isTrue();
		assertThat(OVERNIGHT.isOpen(tokyo(2024, 5, 11, 0, 0))).isTrue();
		assertThat(OVERNIGHT.isOpen(tokyo(2024, 5, 11, 5, 59))).isTrue();
		assertThat(OVERNIGHT.isOpen(tokyo(2024, 5, 11, 6, 0))).isFalse();
		assertThat(OVERNIGHT.isOpen(tokyo(2024, 5, 11, 12, 0))).isFalse();
	}

	@Test
	void whatWaitsOvernightCountsForTheDayItGoesOut() {
		LocalDate today = LocalDate.of(2024, 5, 10);

		assertThat(OFFICE_HOURS.sendingDay(tokyo(2024, 5, 10, 7, 0))).isEqualTo(today);
		assertThat(OFFICE_HOURS.sendingDay(tokyo(2024, 5, 10, 9, 0))).isEqualTo(today);
		assertThat(OFFICE_HOURS.sendingDay(tokyo(2024, 5, 10, 17, 59))).isEqualTo(today);
		assertThat(OFFICE_HOURS.sendingDay(tokyo(2024, 5, 10, 18, 0))).isEqualTo(today.plusDays(1));
		assertThat(OFFICE_HOURS.sendingDay(tokyo(2024, 5, 10, 23, 30))).isEqualTo(today.plusDays(1));
	}

	@Test
	void anOvernightWindowCountsAsTheDayItOpened() {
		LocalDate opened = LocalDate.of(2024, 5, 10);

		assertThat(OVERNIGHT.sendingDay(tokyo(2024, 5, 10, 12, 0))).as("closed, opens tonight").isEqualTo(opened);
		assertThat(OVERNIGHT.sendingDay(tokyo(2024, 5, 10, 23, 0))).as("open, before midnight").isEqualTo(opened);
		assertThat(OVERNIGHT.sendingDay(tokyo(2024, 5, 11, 2, 0))).as("open, after midnight").isEqualTo(opened);
		assertThat(OVERNIGHT.sendingDay(tokyo(2024, 5, 11, 6, 0))).as("closed, opens tonight").isEqualTo(opened.plusDays(1));
	}

	@Test
	void alwaysOpenCountsTheTokyoDate() {
		// 16:30 UTC on the 10th is 01:30 on the 11th in Tokyo
		assertThat(DailyWindow.ALWAYS.sendingDay(Instant.parse("2024-05-10T16:30:00Z"))).isEqualTo(LocalDate.of(2024, 5, 11));
	}

	private static DailyWindow parse(String text) {
		return DailyWindow.parse("test", "NOTIFY_SEND_WINDOW", text);
	}

	private static Instant tokyo(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(SendWindow.TOKYO).toInstant();
	}
}
