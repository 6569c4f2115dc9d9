package jp.shisakunavi.plan;

import java.util.List;
import java.util.OptionalInt;

/** Something that is evaluated year by year: a measure without items, or an item (細目). */
public interface Rated {

	String id();

	String title();

	List<Evaluation> evaluations();

	/** The evaluations of the newest fiscal year up to {@code fiscalYear} (several when rated per department). */
	default List<Evaluation> evaluationsAsOf(int fiscalYear) {
		OptionalInt year = evaluations().stream()
			.mapToInt(Evaluation::fiscalYear)
			.filter(y -> y <= fiscalYear)
			.max();
		if (year.isEmpty()) {
			return List.of();
		}
		return evaluations().stream().filter(e -> e.fiscalYear() == year.getAsInt()).toList();
	}

	default List<Evaluation> latestEvaluations() {
		return evaluationsAsOf(Integer.MAX_VALUE);
	}

	default OptionalInt latestFiscalYear() {
		return evaluations().stream().mapToInt(Evaluation::fiscalYear).max();
	}
}
