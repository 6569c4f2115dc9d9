package jp.shisakunavi.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an intake of evaluations did.
 *
 * @param rows the rows received
 * @param written rows that added or corrected a stored evaluation
 * @param unchanged rows whose rating was stored already, exactly so (nothing written)
 * @param changes the rating changes detected, in the order of the rows
 */
public record IntakeResult(int rows, int written, int unchanged, List<DetectedChange> changes) {

	public IntakeResult {
		changes = List.copyOf(changes);
	}

	/** Changes this intake recorded for the first time (not already recorded by an earlier, identical one). */
	@JsonProperty
	public long recorded() {
		return changes.stream().filter(DetectedChange::recorded).count();
	}

	/**
	 * A rating change as the administrator reads it.
	 *
	 * @param recorded true when this intake recorded it; false when the same change had been recorded before
	 */
	public record DetectedChange(String id, RatingChange.Kind kind, String municipality, String planId,
			String planTitle, String measureId, String unitId, String unitTitle, String department, int fiscalYear,
			String fiscalYearLabel, String oldRating, String oldMeaning, String newRating, String newMeaning,
			boolean recorded) {

		static DetectedChange of(RatingChange change, String planTitle, boolean recorded) {
			return new DetectedChange(change.id(), change.kind(), change.municipality(), change.planId(), planTitle,
					change.measureId(), change.unitId(), change.unitTitle(), change.department(),
					change.fiscalYear(), FiscalYear.format(change.fiscalYear()), change.oldRating(),
					change.oldMeaning(), change.newRating(), change.newMeaning(), recorded);
		}
	}
}
