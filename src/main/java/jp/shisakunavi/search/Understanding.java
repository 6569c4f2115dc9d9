package jp.shisakunavi.search;

/**
 * What query understanding recognised in a question; null where nothing was recognised.
 *
 * @param municipality the city the question is about: named in it, or the asker's
 * @param plan the id of the plan the question names (第3次計画, 前の計画)
 * @param state the state a list asks for (completed, abolished, unrated): 完了した施策
 * @param otherPlace a place the question names that the data does not cover (横浜市)
 */
public record Understanding(String municipality, String department, String rating, Integer fiscalYear,
		String pillar, String plan, String state, String otherPlace) {
}
