package jp.shisakunavi.plan;

import java.util.List;

/**
 * What an intake of evaluations would do, before anything is stored: the figures and changes an administrator
 * confirms, and the changes themselves, so that whoever notifies their followers can tell how many there are.
 *
 * @param result as {@link EvaluationIntake#submit} would answer now
 * @param changes the rating changes it would record, in the order of {@code result.changes()}
 */
public record EvaluationPreview(IntakeResult result, List<RatingChange> changes) {

	public EvaluationPreview {
		changes = List.copyOf(changes);
	}
}
