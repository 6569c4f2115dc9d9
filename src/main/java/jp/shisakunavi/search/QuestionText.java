package jp.shisakunavi.search;

/**
 * The rule for untrusted question text: control characters and unpaired surrogates become spaces, runs of
 * white space one space, and only the first {@value #MAX_CODE_POINTS} characters (code points) are kept —
 * longer input is cut there, never rejected.
 */
final class QuestionText {

	static final int MAX_CODE_POINTS = 200;

	private QuestionText() {
	}

	static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS * 2));
		int kept = 0;
		for (int i = 0; i < text.length() && kept < MAX_CODE_POINTS; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c) || Character.isISOControl(c) || Character.isWhitespace(c)) {
				out.append(' ');
			}
			else {
				out.append(c);
			}
			kept++;
		}
		return out.toString().replaceAll(" {2,}", " ").strip();
	}
}
