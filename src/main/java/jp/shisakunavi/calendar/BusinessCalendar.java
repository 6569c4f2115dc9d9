package jp.shisakunavi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The municipal offices' working days: every day except Saturdays, Sundays, public holidays (国民の祝日, 振替休日 and
 * 国民の休日, from the shipped list) and the year-end closure (12/29–1/3 by default, {@code CALENDAR_YEAR_END_CLOSURE}).
 * Only the years of the shipped list are known ({@link #firstYear()}–{@link #lastYear()}); a date outside them is
 * refused with {@link OutsideCalendar} rather than guessed.
 */
@Component
public class BusinessCalendar {

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M/d");

	private final HolidayList holidays;
	private final MonthDay closureFrom;
	private final MonthDay closureTo;

	/** The calendar of the shipped holiday list with a year-end closure ({@code 12/29-01/03}; empty: none), outside Spring. */
	public static BusinessCalendar withYearEndClosure(String yearEndClosure) {
		return new BusinessCalendar(new CalendarProperties(yearEndClosure));
	}

	BusinessCalendar(CalendarProperties properties) {
		this.holidays = HolidayList.shipped();
		String yearEndClosure = properties.yearEndClosure();
		if (yearEndClosure.isEmpty()) {
			this.closureFrom = null;
			this.closureTo = null;
		}
		else {
			String[] parts = yearEndClosure.split("\\s*[-–~〜]\\s*");
			try {
				if (parts.length != 2) {
					throw new DateTimeParseException("expected MM/DD-MM/DD", yearEndClosure, 0);
				}
				this.closureFrom = MonthDay.from(MONTH_DAY.parse(parts[0]));
				this.closureTo = MonthDay.from(MONTH_DAY.parse(parts[1]));
			}
			catch (DateTimeParseException e) {
				throw new IllegalArgumentException("CALENDAR_YEAR_END_CLOSURE must look like 12/29-01/03 (or be empty for "
						+ "none), not '" + yearEndClosure + "'", e);
			}
		}
	}

	/** The first year whose holidays are known. */
	public int firstYear() {
		return holidays.firstYear();
	}

	/** The last year whose holidays are known. */
	public int lastYear() {
		return holidays.lastYear();
	}

	public boolean covers(LocalDate date) {
		return date.getYear() >= firstYear() && date.getYear() <= lastYear();
	}

	public boolean isBusinessDay(LocalDate date) {
		return dayOff(date).isEmpty();
	}

	/** The public holiday on that day, if it is one. */
	public Optional<Holiday> holiday(LocalDate date) {
		check(date);
		return Optional.ofNullable(holidays.on(date));
	}

	/** Why the offices are closed that day, as people say it (元日, 振替休日…, 年末年始の閉庁日, 土曜日); empty on a business day. */
	public Optional<String> dayOff(LocalDate date) {
		Optional<Holiday> holiday = holiday(date);
		if (holiday.isPresent()) {
			return Optional.of(holiday.get().name());
		}
		if (inYearEndClosure(date)) {
			return Optional.of("年末年始の閉庁日");
		}
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return Optional.of("土曜日");
		}
		if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return Optional.of("日曜日");
		}
		return Optional.empty();
	}

	/** The day itself when it is a business day, else the next business day. */
	public LocalDate onOrAfter(LocalDate date) {
		LocalDate day = date;
		while (!isBusinessDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The day itself when it is a business day, else the business day before it. */
	public LocalDate onOrBefore(LocalDate date) {
		LocalDate day = date;
		while (!isBusinessDay(day)) {
			day = day.minusDays(1);
		}
		return day;
	}

	/**
	 * The business day {@code days} business days after the date (before it, when negative); the date itself is
	 * not counted, so that 3 business days before a Monday due date is the Wednesday before. 0: the date itself.
	 */
	public LocalDate plusBusinessDays(LocalDate date, int days) {
		check(date);
		LocalDate day = date;
		int step = days < 0 ? -1 : 1;
		for (int left = Math.abs(days); left > 0;) {
			day = day.plusDays(step);
			if (isBusinessDay(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * How many business days lie after {@code from} up to and including {@code to}: 1 on the first business day
	 * after a due date. Negative, counted the same way backwards, when {@code to} is before {@code from}.
	 */
	public int businessDaysAfter(LocalDate from, LocalDate to) {
		check(from);
		check(to);
		if (to.isBefore(from)) {
			return -businessDaysAfter(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isBusinessDay(day)) {
				count++;
			}
		}
		return count;
	}

	private boolean inYearEndClosure(LocalDate date) {
		if (closureFrom == null) {
			return false;
		}
		MonthDay day = MonthDay.from(date);
		return closureFrom.isAfter(closureTo) ? !day.isBefore(closureFrom) || !day.isAfter(closureTo)
				: !day.isBefore(closureFrom) && !day.isAfter(closureTo);
	}

	private void check(LocalDate date) {
		if (!covers(date)) {
			throw new OutsideCalendar(date, firstYear(), lastYear());
		}
	}
}
