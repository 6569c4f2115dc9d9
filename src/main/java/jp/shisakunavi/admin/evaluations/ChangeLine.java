package jp.shisakunavi.admin.evaluations;

import jp.shisakunavi.plan.IntakeResult.DetectedChange;

/** A rating change an import will make, with how many citizens follow it and the notice they will get. */
record ChangeLine(DetectedChange change, long followers, String notice) {

	public String kind() {
		return switch (change.kind()) {
			case NEW_YEAR -> "新しい年度の評価";
			case CORRECTION -> "評価の訂正";
			case COMPLETED -> "完了";
			case ABOLISHED -> "廃止・休止";
		};
	}

	public String rating() {
		return rated(change.oldRating(), change.oldMeaning()) + " → " + rated(change.newRating(), change.newMeaning());
	}

	private static String rated(String rating, String meaning) {
		if (rating == null) {
			return "なし";
		}
		return meaning == null ? rating : rating + "（" + meaning + "）";
	}
}
