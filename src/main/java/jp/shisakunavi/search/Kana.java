package jp.shisakunavi.search;

/** Hiragana and katakana: the two ways the same reading is written. */
final class Kana {

	private static final int HIRAGANA_TO_KATAKANA = 0x60;

	private Kana() {
	}

	static String toKatakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.appendCodePoint(isHiragana(c) ? c + HIRAGANA_TO_KATAKANA : c));
		return out.toString();
	}

	static String toHiragana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.appendCodePoint(c >= 'ァ' && c <= 'ヶ' ? c - HIRAGANA_TO_KATAKANA : c));
		return out.toString();
	}

	static boolean isKatakana(String text) {
		return !text.isEmpty() && text.codePoints().allMatch(c -> c >= 'ァ' && c <= 'ヺ' || c == 'ー');
	}

	static boolean isHiragana(String text) {
		return !text.isEmpty() && text.codePoints().allMatch(c -> isHiragana(c) || c == 'ー');
	}

	static boolean isKana(String text) {
		return isKatakana(toKatakana(text));
	}

	private static boolean isHiragana(int c) {
		return c >= 'ぁ' && c <= 'ゖ';
	}
}
