package jp.shisakunavi.questions;

import java.util.List;

/**
 * The data of one chart of the statistics page, as it is drawn and as its CSV is downloaded.
 *
 * @param key its name in URLs ({@code /admin/statistics/questions.csv})
 * @param kind how the page draws it: {@code stacked} (bars per day, stacked), {@code days} (bars per day),
 *        {@code line} (a line per day), {@code ranking} (horizontal bars, largest first)
 * @param columns the headers: the first is the category (a day, a question, a word), the others the series
 * @param rows one per category, the category first
 */
record Chart(String key, String title, String kind, List<String> columns, List<List<Object>> rows, String note) {

	Chart {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}
}
