package jp.shisakunavi.plan;

/** What a rating symbol says about the life of a measure. */
public enum RatingState {
	/** Still being carried out (A, B, C, D …). */
	ONGOING,
	/** Finished (◎, ○, X, Y). */
	COMPLETED,
	/** Abolished or stopped (▲, Z). */
	ABOLISHED,
	/** Not rated in that year (—). */
	UNRATED
}
