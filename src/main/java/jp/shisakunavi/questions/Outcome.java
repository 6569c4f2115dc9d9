package jp.shisakunavi.questions;

import jp.shisakunavi.search.Answer;

/** How the bot dealt with a question, in the words the console shows. */
enum Outcome {

	ANSWERED("回答した"),
	/** 「次のどれについてですか？」 with candidates. */
	ASKED_BACK("聞き返した"),
	NOT_ANSWERED("回答できなかった");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** As the conversation replies: a list (even an empty one) and a legend count as answers. */
	static Outcome of(Answer answer) {
		if (answer.askBack()) {
			return ASKED_BACK;
		}
		boolean answered = switch (answer.intent()) {
			case GREETING, THANKS, HELP, LIST -> true;
			case RATING_MEANING -> !answer.ratingMeanings().isEmpty();
			default -> answer.answered() && !answer.results().isEmpty();
		};
		return answered ? ANSWERED : NOT_ANSWERED;
	}
}
