/**
 * Calendar: which days the municipal offices work — weekends, Japanese public holidays (shipped as data, with the
 * years it covers) and the year-end closure are not business days — and counting in business days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package jp.shisakunavi.calendar;
