package jp.shisakunavi.plan;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese fiscal years (年度, April to March) are integers internally (the Western year in which the fiscal
 * year starts); people write them as 令和4年度, R4, 2022年度, 平成30年度, H30, 令和元年度 or 平成31年度.
 */
public final class FiscalYear {

	private static final int REIWA_OFFSET = 2018;
	private static final int HEISEI_OFFSET = 1988;
	private static final Pattern WESTERN = Pattern.compile("((?:19|20)\\d\\d)\\s*(?:年度?)?");
	private static final Pattern ERA = Pattern.compile("(令和|平成|R|H)\\s*(元|\\d{1,2})\\s*(?:年度?)?");
	private static final Pattern ANYWHERE = Pattern
		.compile("(令和|平成|(?<![A-Z])[RH](?=\\s*(?:元|\\d)))\\s*(元|\\d{1,2})\\s*(?:年度?)?|((?:19|20)\\d\\d)\\s*年度");

	private FiscalYear() {
	}

	/**
	 * Reads a fiscal year written on its own.
	 * @throws IllegalArgumentException with a message naming the input when it is not a fiscal year
	 */
	public static int parse(String text) {
		String value = normalize(text);
		Matcher western = WESTERN.matcher(value);
		if (western.matches()) {
			return Integer.parseInt(western.group(1));
		}
		Matcher era = ERA.matcher(value);
		if (era.matches()) {
			return fromEra(era.group(1), era.group(2));
		}
		throw new IllegalArgumentException("Not a fiscal year: '" + text
				+ "' (write e.g. 2022, 令和4年度, R4, 平成30年度 or H30)");
	}

	/** Finds the first fiscal year mentioned inside a longer text, such as a question. */
	public static Optional<Integer> find(String text) {
		Matcher matcher = ANYWHERE.matcher(normalize(text));
		if (!matcher.find()) {
			return Optional.empty();
		}
		return Optional.of(matcher.group(3) != null ? Integer.parseInt(matcher.group(3))
				: fromEra(matcher.group(1), matcher.group(2)));
	}

	/** The way citizens read it: 令和4年度 (2022年度). */
	public static String format(int fiscalYear) {
		String era;
		if (fiscalYear >= 2019) {
			int n = fiscalYear - REIWA_OFFSET;
			era = "令和" + (n == 1 ? "元" : n);
		}
		else if (fiscalYear >= 1989) {
			era = "平成" + (fiscalYear - HEISEI_OFFSET);
		}
		else {
			return fiscalYear + "年度";
		}
		return era + "年度";
	}

	private static int fromEra(String era, String number) {
		int n = "元".equals(number) ? 1 : Integer.parseInt(number);
		if (n < 1) {
			throw new IllegalArgumentException("Not a fiscal year: " + era + number);
		}
		boolean reiwa = era.equals("令和") || era.equals("R");
		if (!reiwa && n > 31) {
			throw new IllegalArgumentException("平成 ended with its 31st year: " + era + number);
		}
		return (reiwa ? REIWA_OFFSET : HEISEI_OFFSET) + n;
	}

	private static String normalize(String text) {
		if (text == null) {
			throw new IllegalArgumentException("No fiscal year given");
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toUpperCase();
	}
}
