package jp.shisakunavi.admin.faq;

import java.util.List;

/**
 * What the bot would answer a question, as the 「試す」 pane shows it.
 *
 * @param against what was searched: {@code saved} (the stored entries) or {@code draft} (with the edit in place)
 * @param answered false: the bot says it does not know ({@code suggestions} are the near misses it offers)
 * @param askBack the bot asks which of the close results was meant, instead of answering one
 * @param first the answer the bot gives; null when it gives none, asks back, or answers with a list
 * @param runnersUp the other results, best first
 */
record TrialAnswer(String against, String question, String intent, boolean answered, boolean askBack, Result first,
		List<Result> runnersUp, List<Result> suggestions) {

	/**
	 * One result.
	 *
	 * @param kind FAQ, 施策 or 細目
	 * @param reply for a FAQ entry, the message the bot sends; otherwise the measure's plan and latest rating
	 * @param confidence 0..1
	 * @param edited the entry being edited (its unsaved content in a draft trial)
	 */
	record Result(String kind, String id, String title, String municipality, String reply, double confidence,
			boolean edited) {
	}
}
