package jp.shisakunavi.plan;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of a rating, kept for good as the public history of a measure or item (like a version history),
 * and the trigger of notifications to the citizens who follow it.
 *
 * @param id deterministic for the request that made it and the unit, fiscal year and department, so that
 *        finishing or redelivering a request records the change once
 * @param unitId the rated unit: the measure itself, or an item of 茅ヶ崎市's plan
 * @param department the department that gave the rating, where the plan rates per department; otherwise null
 * @param oldRating the rating before (the previous fiscal year's, or the corrected one); null for none
 * @param oldMeaning what {@code oldRating} means in the plan's legend
 * @param newMeaning what {@code newRating} means in the plan's legend
 * @param urgent the submitter asked for it to be made known at once (outside send windows); as submitted, never
 *        changed afterwards
 * @param applied false while the measure's evaluations are being written; only applied changes are notified
 * @param appliedAt when it was applied, by the database's clock (so that all instances agree on the order in which
 *        changes were applied, and whoever follows them can read on from a point in that order)
 */
@Document("rating_changes")
public record RatingChange(@Id String id, Kind kind, String planId, String municipality, String pillarNumber,
		String measureId, String measureTitle, String unitId, String unitTitle, List<String> departments,
		String department, int fiscalYear, String oldRating, String oldMeaning, String newRating, String newMeaning,
		String comment, boolean urgent, Instant recordedAt, boolean applied, Instant appliedAt) {

	public RatingChange {
		departments = Lists.orEmpty(departments);
	}

	/** What kind of change it is: it decides the words of the notification. */
	public enum Kind {
		/** A new fiscal year's rating that differs from the previous year's. */
		NEW_YEAR,
		/** The rating of a fiscal year that was already rated was corrected. */
		CORRECTION,
		/** The measure or item was completed (its new rating's state is completed). */
		COMPLETED,
		/** The measure or item was abolished or stopped. */
		ABOLISHED
	}
}
