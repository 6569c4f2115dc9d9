package jp.shisakunavi.staff;

/**
 * What a reporter writes for one unit.
 *
 * @param rating a symbol of the plan's legend (null in a draft not rated yet)
 * @param progress 実績 (published with the rating)
 * @param issues 課題 (kept for the review and the export, not published)
 * @param attachmentUrl a link to a document (optional)
 */
public record ReportDraft(String rating, String progress, String issues, String attachmentUrl) {

	public static final ReportDraft EMPTY = new ReportDraft(null, null, null, null);
}
