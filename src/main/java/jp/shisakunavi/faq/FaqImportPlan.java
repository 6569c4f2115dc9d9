package jp.shisakunavi.faq;

import java.util.List;

/**
 * What an import would do, row by row, before anything is stored: the preview the editor confirms, and the
 * answer of an import that was applied.
 *
 * @param applied false for a preview (or a refused import)
 */
public record FaqImportPlan(List<Row> rows, boolean applied) {

	/** What one row does. */
	public enum Action {
		CREATE("新規"), UPDATE("更新"), UNCHANGED("変更なし"), REFUSED("取り込めません");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * @param id the entry it creates or changes (null for a new entry whose id is made when it is stored)
	 * @param version the version of the entry it changes, as seen (0 for a new entry)
	 * @param question the row's question
	 * @param problems why it cannot be taken, in Japanese (empty unless {@code REFUSED})
	 */
	public record Row(int line, String place, Action action, String id, long version, String question,
			String municipality, List<FaqProblem> problems) {
	}

	/** Whether every row can be taken (an import is taken whole or not at all). */
	public boolean acceptable() {
		return !rows.isEmpty() && rows.stream().noneMatch(r -> r.action() == Action.REFUSED);
	}

	public long count(Action action) {
		return rows.stream().filter(r -> r.action() == action).count();
	}

	FaqImportPlan asApplied() {
		return new FaqImportPlan(rows, true);
	}
}
