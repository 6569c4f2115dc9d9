package jp.shisakunavi.plan;

import java.util.Map;
import java.util.Optional;

/**
 * A municipality's 全国地方公共団体コード: the two digits of the prefecture, three of the municipality and a check
 * digit, as open data names municipalities (the 推奨データセット's first column). The codes of the cities with
 * built-in plans are listed here (from 総務省's code list) and each satisfies the check-digit rule.
 */
public record MunicipalityCode(String value) {

	private static final int[] WEIGHTS = { 6, 5, 4, 3, 2 };
	private static final Map<String, MunicipalityCode> KNOWN = Map.of(
			"多治見市", new MunicipalityCode("212041"),
			"各務原市", new MunicipalityCode("212130"),
			"小山市", new MunicipalityCode("092088"),
			"茅ヶ崎市", new MunicipalityCode("142077"));

	public MunicipalityCode {
		if (!valid(value)) {
			throw new IllegalArgumentException("not a municipality code with its check digit: " + value);
		}
	}

	/** The code of a municipality as the plan data names it, if known. */
	public static Optional<MunicipalityCode> of(String municipality) {
		return Optional.ofNullable(municipality == null ? null : KNOWN.get(municipality));
	}

	/** The municipality a code is of, if known. */
	public static Optional<String> municipality(String code) {
		return KNOWN.entrySet().stream().filter(e -> e.getValue().value().equals(code)).map(Map.Entry::getKey).findFirst();
	}

	/**
	 * Six digits whose last is the check digit: 11 minus the sum of the first five weighted 6, 5, 4, 3, 2, modulo
	 * 11, and of that the last digit (so 10 is 0 and 11 is 1).
	 */
	public static boolean valid(String code) {
		if (code == null || !code.matches("[0-9]{6}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (code.charAt(i) - '0') * WEIGHTS[i];
		}
		return (11 - sum % 11) % 10 == code.charAt(5) - '0';
	}
}
