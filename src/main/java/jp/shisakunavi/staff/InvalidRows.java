package jp.shisakunavi.staff;

import java.util.List;
import java.util.stream.Collectors;

/** An upload refused as a whole, with every row's problem, so that one answer says all there is to fix. */
public class InvalidRows extends IllegalArgumentException {

	private final List<Problem> problems;

	public InvalidRows(List<Problem> problems) {
		super(problems.size() + "件の問題があるため、何も登録していません: "
				+ problems.stream().limit(5).map(p -> "行" + p.row() + ": " + p.message()).collect(Collectors.joining(" ／ ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** One problem of one row (the spreadsheet's row number) and field. */
	public record Problem(int row, String field, String message) {
	}
}
