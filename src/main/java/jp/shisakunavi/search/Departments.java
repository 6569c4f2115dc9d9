package jp.shisakunavi.search;

import java.util.regex.Pattern;

/**
 * Department names as the documents write them: 情報課(旧企画防災課) and 施設課(旧下水道課) are 情報課 and 施設課.
 */
final class Departments {

	private static final Pattern NOTE = Pattern.compile("[(（][^)）]*[)）]");

	private Departments() {
	}

	/** The name without the note in parentheses. */
	static String core(String department) {
		return NOTE.matcher(department).replaceAll("").strip();
	}

	static boolean same(String a, String b) {
		return core(a).equals(core(b));
	}
}
