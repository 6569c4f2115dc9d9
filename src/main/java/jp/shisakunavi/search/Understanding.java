package jp.shisakunavi.search;

/** What query understanding recognised in a question; null where nothing was recognised. */
public record Understanding(String municipality, String department, String rating, Integer fiscalYear,
		String pillar) {
}
