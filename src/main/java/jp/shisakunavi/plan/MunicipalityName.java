package jp.shisakunavi.plan;

import java.text.Normalizer;

/**
 * Compares municipality names as people write them: 茅ヶ崎市, 茅ケ崎市, 茅ケ崎 and 茅ヶ崎 are the same city, and
 * the reading (ちがさき, チガサキ) names it too.
 */
public final class MunicipalityName {

	private MunicipalityName() {
	}

	/** The comparable core of a name: NFKC, ケ/ヵ/ヶ folded, katakana folded to hiragana, a final 市/町/村 (or し of a reading) dropped. */
	public static String key(String name) {
		if (name == null) {
			return "";
		}
		String text = Normalizer.normalize(name, Normalizer.Form.NFKC).trim()
			.replace('ケ', 'ヶ').replace('ヵ', 'ヶ').replace('ｹ', 'ヶ');
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().forEach(c -> folded.appendCodePoint(c >= 'ァ' && c <= 'ヶ' && c != 'ヶ' ? c - 0x60 : c));
		String result = folded.toString();
		boolean reading = result.codePoints().allMatch(c -> c >= 'ぁ' && c <= 'ゖ' || c == 'ー');
		return reading ? result.replaceFirst("(?<=.)し$", "") : result.replaceFirst("(?<=.)[市町村]$", "");
	}

	public static boolean matches(String given, String municipality, String kana) {
		String key = key(given);
		return !key.isEmpty() && (key.equals(key(municipality)) || key.equals(key(kana)));
	}
}
