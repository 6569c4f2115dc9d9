package jp.shisakunavi.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a replay did.
 *
 * @param startYear the fiscal year whose ratings the plan was reset to; null when it was reset to no ratings
 * @param years each replayed fiscal year with what the intake did
 */
public record ReplayResult(String planId, Integer startYear, String startYearLabel, List<Year> years) {

	public ReplayResult {
		years = List.copyOf(years);
	}

	/** Changes detected over all years (recorded now or by an earlier replay). */
	@JsonProperty
	public long detected() {
		return years.stream().mapToLong(y -> y.result().changes().size()).sum();
	}

	/** Changes that this replay recorded for the first time. */
	@JsonProperty
	public long recorded() {
		return years.stream().mapToLong(y -> y.result().recorded()).sum();
	}

	/** One replayed fiscal year. */
	public record Year(int fiscalYear, String fiscalYearLabel, IntakeResult result) {
	}
}
