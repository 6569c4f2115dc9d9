package jp.shisakunavi.system;

/**
 * Text in a cell of an exported spreadsheet (CSV, Excel): a value that a spreadsheet would take for a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so that a crafted text cannot
 * run when the file is opened; importing the file again takes the apostrophe away.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String neutralised(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return formula(value, 0) ? "'" + value : value;
	}

	/** The value as it was before {@link #neutralised}. */
	public static String restored(String value) {
		return value != null && value.length() > 1 && value.charAt(0) == '\'' && formula(value, 1) ? value.substring(1) : value;
	}

	private static boolean formula(String value, int at) {
		char first = value.charAt(at);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}
}
