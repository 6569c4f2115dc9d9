package jp.shisakunavi.admin;

import java.util.List;

/** A spreadsheet as read from a file: the header row and the rows below it, each with its row number. */
public record Table(List<String> header, List<Line> lines) {

	/** A row of cells; {@code number} is the row as the spreadsheet program shows it (the header is 1). */
	public record Line(int number, List<String> cells) {

		public boolean blank() {
			return cells.stream().allMatch(c -> c == null || c.isBlank());
		}
	}
}
