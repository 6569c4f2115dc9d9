package jp.shisakunavi.plan;

/**
 * One evaluation as an administrator submits it, every value as written (any fiscal-year notation, the measure by
 * id or by exact title); the intake checks and resolves it.
 *
 * @param row where the row is in what the administrator sent (list position, or line of the file), for reasons
 * @param plan the plan's id or title; may be omitted when the municipality and measure name one plan
 * @param measureId the id of a measure or of an item (茅ヶ崎市's 事務事業細目 are rated units too)
 * @param measureTitle the exact title of a measure or item, instead of or in addition to its id
 * @param department the department that gives the rating, where the plan rates per department
 */
public record EvaluationRow(int row, String municipality, String plan, String measureId, String measureTitle,
		String fiscalYear, String rating, String department, String comment) {
}
