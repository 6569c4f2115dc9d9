package jp.shisakunavi.line;

/**
 * LINE's limits on what one reply may carry (see shared/docs/facts-line.md); {@link #cut} is public for other
 * modules' cards.
 */
public final class LineLimits {

	static final int MESSAGES_PER_REQUEST = 5;
	static final int TEXT_LENGTH = 5000;
	static final int ALT_TEXT_LENGTH = 1500;
	static final int QUICK_REPLY_ITEMS = 13;
	static final int LABEL_LENGTH = 20;
	static final int CAROUSEL_BUBBLES = 12;
	static final int BUBBLE_BYTES = 30 * 1024;
	static final int CAROUSEL_BYTES = 50 * 1024;

	private LineLimits() {
	}

	/** Cuts text to a length in UTF-16 units without splitting a surrogate pair, marking the cut with …. */
	public static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}
}
