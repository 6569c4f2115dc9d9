package jp.shisakunavi.staff;

/**
 * The unit's evaluation of the year before the round's (or the latest one before it), as reporters are shown it.
 *
 * @param meaning what the rating means in the plan's legend
 * @param progress the progress text (実績) published with it, if any
 */
public record PreviousEvaluation(int fiscalYear, String rating, String meaning, String progress) {
}
