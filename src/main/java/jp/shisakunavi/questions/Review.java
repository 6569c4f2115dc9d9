package jp.shisakunavi.questions;

import java.time.Instant;

/**
 * What an administrator did about a group of questions in the review queue, stored on each of its questions.
 *
 * @param department the department the group was assigned to ({@link Action#ASSIGNED}), else null
 * @param target the FAQ entry the questions were added to as alternate phrasings, or the measure or item whose
 *        search vocabulary they became; else null
 * @param by the account's user name
 */
record Review(Action action, Progress progress, String department, String target, String by, Instant at) {

	enum Action {
		ALTERNATES("FAQ の言い換えに追加"),
		VOCABULARY("施策の検索語に追加"),
		NEW_FAQ("新しい FAQ を作成"),
		OUT_OF_SCOPE("対象外"),
		ASSIGNED("担当課に割り当て");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Where the work on a group stands. */
	enum Progress {
		TODO("未対応"),
		IN_PROGRESS("対応中"),
		DONE("対応済み");

		private final String label;

		Progress(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
