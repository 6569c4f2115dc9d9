package jp.shisakunavi.admin.evaluations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.InvalidEvaluations;

/** One row of an uploaded file as the preview shows it: the values as written and what is wrong with them. */
record PreviewedRow(EvaluationRow row, List<String> problems) {

	/** Every row with its problems (the intake's and those of the account's limits), in the order of the file. */
	static List<PreviewedRow> of(List<EvaluationRow> rows, List<InvalidEvaluations.Problem> problems) {
		Map<Integer, List<String>> byRow = new HashMap<>();
		problems.forEach(p -> byRow.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(p.reason()));
		return rows.stream().map(r -> new PreviewedRow(r, List.copyOf(byRow.getOrDefault(r.row(), List.of())))).toList();
	}

	public boolean wrong() {
		return !problems.isEmpty();
	}

	public String measure() {
		if (row.measureId() != null && row.measureTitle() != null) {
			return row.measureId() + " " + row.measureTitle();
		}
		return row.measureId() != null ? row.measureId() : row.measureTitle();
	}
}
