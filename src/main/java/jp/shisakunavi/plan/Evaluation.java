package jp.shisakunavi.plan;

/**
 * The rating of one measure or item for one fiscal year, optionally given by one department.
 *
 * @param mark a note mark printed next to the rating (※: lowered by COVID-19 in 茅ヶ崎市)
 * @param nextPlan the department's direction for the next plan (次期計画での展開)
 */
public record Evaluation(int fiscalYear, String rating, String department, String mark, String progress,
		String nextPlan) {
}
