package jp.shisakunavi.search;

/**
 * One result.
 *
 * @param type measure, item (茅ヶ崎市's 細目) or faq
 * @param id the id of the measure, item or FAQ entry
 * @param measureId the measure that holds an item (the measure itself for a measure, null for FAQ)
 * @param plan the plan's title; {@code planId} its id
 * @param rating the latest rating (as of {@code fiscalYear}), null when unrated or FAQ
 * @param score calibrated confidence from 0 to 1
 * @param excerpt for a ranked measure or item: its text from the sentence that answers the question (for a
 *        when-question, the one with a date), at most 140 characters; null otherwise
 */
public record Hit(String type, String id, String measureId, String municipality, String planId, String plan,
		String title, String rating, Integer fiscalYear, double score, String excerpt) {
}
