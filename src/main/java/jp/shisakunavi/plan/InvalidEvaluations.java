package jp.shisakunavi.plan;

import java.util.List;

/**
 * A request of evaluations that was refused as a whole, with every reason per row, so that the administrator can
 * fix all of them at once. Nothing of the request was written.
 */
public class InvalidEvaluations extends IllegalArgumentException {

	private final transient List<Problem> problems;

	InvalidEvaluations(List<Problem> problems) {
		super("評価データに誤りがあるため、どの行も登録していません（" + problems.size() + "件）");
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** What is wrong with one field of one row. */
	public record Problem(int row, String field, String reason) {
	}
}
