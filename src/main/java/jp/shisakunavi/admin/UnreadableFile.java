package jp.shisakunavi.admin;

/** An uploaded file that cannot be read as evaluations; the reason says what to do about it. */
class UnreadableFile extends IllegalArgumentException {

	UnreadableFile(String reason) {
		super(reason);
	}

	UnreadableFile(String reason, Throwable cause) {
		super(reason, cause);
	}
}
