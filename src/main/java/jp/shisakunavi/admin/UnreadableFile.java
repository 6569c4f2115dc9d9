package jp.shisakunavi.admin;

/** An uploaded file that cannot be read; the reason says what to do about it. */
public class UnreadableFile extends IllegalArgumentException {

	public UnreadableFile(String reason) {
		super(reason);
	}

	public UnreadableFile(String reason, Throwable cause) {
		super(reason, cause);
	}
}
