package jp.shisakunavi.calendar;

import java.time.LocalDate;

/** A date in a year the shipped holiday list does not cover: whether it is a business day cannot be told. */
public class OutsideCalendar extends IllegalArgumentException {

	private final LocalDate date;
	private final int firstYear;
	private final int lastYear;

	OutsideCalendar(LocalDate date, int firstYear, int lastYear) {
		super(date + " is outside the holiday calendar, which covers " + firstYear + " to " + lastYear);
		this.date = date;
		this.firstYear = firstYear;
		this.lastYear = lastYear;
	}

	public LocalDate date() {
		return date;
	}

	/** The reason as people read it. */
	public String reason() {
		return date.getYear() + "年は祝日の暦がないため、営業日を決められません（暦があるのは" + firstYear + "年〜" + lastYear
				+ "年です）。";
	}
}
