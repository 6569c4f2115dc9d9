package jp.shisakunavi.plan;

/** A checked row: the rated unit it names and the evaluation to store for it. */
record ResolvedEvaluation(int row, String measureId, String unitId, Evaluation evaluation,
		String comment) {
}
