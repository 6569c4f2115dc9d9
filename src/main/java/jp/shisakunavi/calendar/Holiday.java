package jp.shisakunavi.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday: a 国民の祝日, a 振替休日 (its name ends in 振替休日) or a 国民の休日 (named 休日), as the shipped
 * list names it.
 */
public record Holiday(LocalDate date, String name) {

	public Holiday {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(name, "name");
	}

	/** A Monday or later day off because a holiday fell on a Sunday. */
	public boolean substitute() {
		return name.endsWith("振替休日");
	}
}
