package jp.shisakunavi.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which days the offices are closed besides weekends and public holidays (see .env.example).
 *
 * @param yearEndClosure the year-end closure (年末年始の閉庁日) as {@code 12/29-01/03}; empty: none
 */
@ConfigurationProperties("shisaku.calendar")
record CalendarProperties(String yearEndClosure) {

	CalendarProperties {
		yearEndClosure = yearEndClosure == null ? "12/29-01/03" : yearEndClosure.trim();
	}
}
