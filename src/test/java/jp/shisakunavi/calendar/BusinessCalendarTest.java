package jp.shisakunavi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Business days as the offices keep them, against the days the Cabinet Office published for 2025 to 2027. */
class BusinessCalendarTest {

	final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties(null));

	@Test
	void knowsEveryPublicHolidayOf2025To2027IncludingSubstituteAndCitizensHolidays() {
		assertThat(holidaysOf(2025)).containsExactly("01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29",
				"05-03", "05-04", "05-05", "05-06", "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-23", "11-24");
		assertThat(holidaysOf(2026)).containsExactly("01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03",
				"05-04", "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23");
		assertThat(holidaysOf(2027)).containsExactly("01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29",
				"05-03", "05-04", "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23");

		assertThat(calendar.holiday(LocalDate.of(2026, 5, 6))).hasValueSatisfying(day -> {
			assertThat(day.name()).isEqualTo("こどもの日 振替休日");
			assertThat(day.substitute()).isTrue();
		});
		assertThat(calendar.dayOff(LocalDate.of(2026, 9, 22))).as("国民の休日 between 敬老の日 and 秋分の日").hasValue("休日");
		assertThat(calendar.holiday(LocalDate.of(2026, 9, 21)).orElseThrow().substitute()).isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 7))).isTrue();
	}

	@Test
	void weekendsAndTheYearEndClosureAreNoBusinessDays() {
		assertThat(calendar.dayOff(LocalDate.of(2026, 12, 5))).hasValue("土曜日");
		assertThat(calendar.dayOff(LocalDate.of(2026, 12, 6))).hasValue("日曜日");
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 28))).as("Monday before the closure").isTrue();
		assertThat(Stream.of(29, 30, 31).map(d -> calendar.dayOff(LocalDate.of(2026, 12, d)).orElseThrow()))
			.containsOnly("年末年始の閉庁日");
		assertThat(calendar.dayOff(LocalDate.of(2027, 1, 1))).hasValue("元日");
		assertThat(calendar.dayOff(LocalDate.of(2027, 1, 2))).hasValue("年末年始の閉庁日");
		assertThat(calendar.dayOff(LocalDate.of(2027, 1, 3))).hasValue("年末年始の閉庁日");
		assertThat(calendar.onOrAfter(LocalDate.of(2026, 12, 29))).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(calendar.onOrBefore(LocalDate.of(2027, 1, 3))).isEqualTo(LocalDate.of(2026, 12, 28));
	}

	@Test
	void theClosureIsASettingAndMayBeSwitchedOff() {
		BusinessCalendar longer = new BusinessCalendar(new CalendarProperties("12/28〜1/4"));
		BusinessCalendar none = new BusinessCalendar(new CalendarProperties(""));

		assertThat(longer.isBusinessDay(LocalDate.of(2026, 12, 28))).isFalse();
		assertThat(longer.isBusinessDay(LocalDate.of(2027, 1, 4))).isFalse();
		assertThat(longer.onOrAfter(LocalDate.of(2027, 1, 4))).isEqualTo(LocalDate.of(2027, 1, 5));
		assertThat(none.isBusinessDay(LocalDate.of(2026, 12, 29))).isTrue();
		assertThatThrownBy(() -> new BusinessCalendar(new CalendarProperties("年末")))
			.hasMessageContaining("CALENDAR_YEAR_END_CLOSURE must look like 12/29-01/03");
	}

	@Test
	void countsBusinessDaysAcrossAHolidayWeek() {
		LocalDate due = LocalDate.of(2026, 5, 8);

		assertThat(calendar.plusBusinessDays(due, -3)).as("across Golden Week").isEqualTo(LocalDate.of(2026, 4, 30));
		assertThat(calendar.plusBusinessDays(due, -10)).isEqualTo(LocalDate.of(2026, 4, 20));
		assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 4, 30), 1)).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 5, 1), 1)).isEqualTo(LocalDate.of(2026, 5, 7));
		assertThat(calendar.plusBusinessDays(due, 0)).isEqualTo(due);
		assertThat(calendar.businessDaysAfter(LocalDate.of(2026, 4, 30), due)).isEqualTo(3);
		assertThat(calendar.businessDaysAfter(due, LocalDate.of(2026, 4, 30))).isEqualTo(-3);
		assertThat(calendar.businessDaysAfter(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 6))).isZero();
	}

	@Test
	void refusesYearsTheHolidayListDoesNotCover() {
		assertThat(calendar.firstYear()).isEqualTo(1970);
		assertThat(calendar.lastYear()).isEqualTo(2050);

		assertThatThrownBy(() -> calendar.isBusinessDay(LocalDate.of(2051, 1, 4)))
			.isInstanceOfSatisfying(OutsideCalendar.class, e -> {
				assertThat(e.date()).isEqualTo(LocalDate.of(2051, 1, 4));
				assertThat(e.reason()).isEqualTo("2051年は祝日の暦がないため、営業日を決められません（暦があるのは1970年〜2050年です）。");
			});
		assertThatThrownBy(() -> calendar.plusBusinessDays(LocalDate.of(2050, 12, 27), 5))
			.isInstanceOf(OutsideCalendar.class);
		assertThatThrownBy(() -> calendar.holiday(LocalDate.of(1969, 12, 31))).isInstanceOf(OutsideCalendar.class);
	}

	@Test
	void aDamagedHolidayListStopsTheStartWithItsLine() {
		assertThatThrownBy(() -> HolidayList.read(new BufferedReader(new StringReader("date,name\n2026-13-01,祝日\n"))))
			.hasMessageContaining("line 2");
		assertThatThrownBy(() -> HolidayList.read(new BufferedReader(new StringReader("2026-01-01,元日\n2026-01-01,元日\n"))))
			.hasMessageContaining("listed twice");
	}

	private List<String> holidaysOf(int year) {
		return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
			.filter(day -> calendar.holiday(day).isPresent())
			.map(day -> day.toString().substring(5))
			.toList();
	}
}
