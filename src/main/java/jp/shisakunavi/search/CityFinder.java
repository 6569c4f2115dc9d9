package jp.shisakunavi.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.search.Catalog.Phrase;

/**
 * Finds the city a question names, as people type it: exactly (多治見市, たじみ, チガサキ), with the small ケ written
 * as が or left out (茅が崎, 各務ヶ原), with one kanji mistyped (多冶見, 各務腹, 芽ヶ崎), with 市 typed as 氏 or し,
 * or in kana read a little wrong (かがみはら). It also notices a place the data does not cover (横浜市, 東京都),
 * so that a question about it is not answered with another city's measure.
 */
final class CityFinder {

	/** The place a question names. */
	record Found(Catalog.City city, String otherPlace, String cut) {
	}

	private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);
	private static final Pattern PLACE = Pattern.compile("([一-龥々]{1,4})(市|町|村|都|府|県)");
	private static final Pattern CITY_SUFFIX = Pattern.compile("^(?:市|氏|し|士)");
	/** Words ending in 市, 町 … that are no place (都市, 市町村, 各市, 全市, 同市, 本市). */
	private static final Set<String> NOT_PLACES = Set.of("都市", "市町村", "各市", "全市", "同市", "本市", "当市", "他市",
			"両市", "市", "町", "村", "県", "都", "府", "各町", "区市町村", "都道府県", "政令市", "中核市");

	private CityFinder() {
	}

	static Optional<Found> find(String text, Catalog catalog, IndexSnapshot snapshot) {
		Optional<Phrase<Catalog.City>> exact = Catalog.firstIn(text, catalog.cityNames());
		if (exact.isPresent()) {
			return Optional.of(new Found(exact.get().value(), null, withSuffix(text, exact.get().phrase())));
		}
		for (Catalog.City city : catalog.cities()) {
			Optional<String> written = fuzzy(text, city);
			if (written.isPresent()) {
				return Optional.of(new Found(city, null, withSuffix(text, written.get())));
			}
		}
		return otherPlace(text, catalog, snapshot).map(place -> new Found(null, place, place));
	}

	/** The name as written, with a 市 (or its typos) right after it. */
	private static String withSuffix(String text, String name) {
		int at = text.indexOf(name);
		Matcher suffix = CITY_SUFFIX.matcher(text.substring(at + name.length()));
		return suffix.find() && !name.endsWith("市") ? name + suffix.group() : name;
	}

	private static Optional<String> fuzzy(String text, Catalog.City city) {
		String core = JapaneseAnalysis.normalize(MunicipalityName.key(city.name()));
		for (String name : spellings(core)) {
			Optional<String> typed = oneKanjiOff(text, name);
			if (typed.isPresent()) {
				return typed;
			}
		}
		return city.kana() == null ? Optional.empty() : misread(text, city.kana().replaceFirst("し$", ""));
	}

	/** The name, with ケ written が or ヶ left out (茅ケ崎: 茅が崎, 茅崎; 各務原: 各務ケ原, 各務が原). */
	private static List<String> spellings(String core) {
		if (core.length() < 3) {
			return List.of();
		}
		if (core.contains("ケ")) {
			return List.of(core, core.replace("ケ", "が"), core.replace("ケ", "ガ"), core.replace("ケ", ""));
		}
		return List.of(core, core.substring(0, core.length() - 1) + "ケ" + core.substring(core.length() - 1),
				core.substring(0, core.length() - 1) + "が" + core.substring(core.length() - 1));
	}

	/** A run of kanji (and ケ/が) of the name's length that differs from it in one kanji only. */
	private static Optional<String> oneKanjiOff(String text, String name) {
		for (int i = 0; i + name.length() <= text.length(); i++) {
			String candidate = text.substring(i, i + name.length());
			int differences = 0;
			for (int c = 0; c < name.length() && differences <= 1; c++) {
				if (candidate.charAt(c) != name.charAt(c)) {
					differences += kanji(candidate.charAt(c)) && kanji(name.charAt(c)) ? 1 : 2;
				}
			}
			char after = charAt(text, i + name.length());
			if (differences == 0 || differences == 1 && name.length() >= 3 && !kanji(charAt(text, i - 1))
					&& (!kanji(after) || CITY_SUFFIX.matcher(String.valueOf(after)).find())) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** A reading of at least four kana typed one kana off, voiced marks aside (かがみはら for かかみがはら). */
	private static Optional<String> misread(String text, String kana) {
		String reading = unvoiced(Kana.toHiragana(kana));
		if (reading.length() < 4) {
			return Optional.empty();
		}
		Matcher runs = Pattern.compile("[ぁ-ゖ]{" + (reading.length() - 1) + ",}").matcher(text);
		while (runs.find()) {
			String run = runs.group();
			for (int length = reading.length() - 1; length <= reading.length() + 1; length++) {
				for (int i = 0; i + length <= run.length(); i++) {
					String candidate = run.substring(i, i + length);
					int distance = LEVENSHTEIN.apply(unvoiced(candidate), reading);
					if (distance >= 0 && distance <= 1) {
						return Optional.of(candidate);
					}
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * A place named as 〇〇市, 〇〇町, 〇〇県 … that is none of the data's cities, nor a word the documents use
	 * (寒川町 and 岐阜県 are in them), nor the prefecture of a city of the data.
	 */
	private static Optional<String> otherPlace(String text, Catalog catalog, IndexSnapshot snapshot) {
		Matcher place = PLACE.matcher(text);
		while (place.find()) {
			String name = place.group();
			String core = place.group(1);
			if (NOT_PLACES.contains(name) || core.endsWith("各") || core.endsWith("全") || core.endsWith("本")
					|| catalog.prefectures().stream().anyMatch(p -> JapaneseAnalysis.normalize(p).equals(name))
					|| snapshot != null && snapshot.knows(new Word(name, 1, Set.of(name), 1, null))) {
				continue;
			}
			return Optional.of(name);
		}
		return Optional.empty();
	}

	private static char charAt(String text, int i) {
		return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
	}

	private static boolean kanji(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	private static String unvoiced(String kana) {
		return Normalizer.normalize(kana, Normalizer.Form.NFD).replaceAll("[\\u3099\\u309A]", "");
	}
}
