package jp.shisakunavi.questions;

/** A citizen's feedback on an answer, as its quick replies say it. */
public enum Feedback {

	HELPFUL("役に立った"),
	NOT_HELPFUL("役に立たなかった");

	private final String label;

	Feedback(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** What became of a feedback tap. */
	public enum Taken {
		/** Stored with the question. */
		RECORDED,
		/** The answer had feedback already (a double tap, or the other button after the first): nothing changed. */
		ALREADY_GIVEN,
		/** The question is no longer kept (purged) or never was. */
		UNKNOWN
	}
}
