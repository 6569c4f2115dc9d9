package jp.shisakunavi.admin.announcements;

import java.util.List;

import jp.shisakunavi.notify.DeliveryReport;

/**
 * A delivery as the list shows it: what it is, to whom, where it stands in words (a finished one says so), and
 * its counts.
 *
 * @param segment the announcement's segment in words; empty for other kinds
 */
record DeliveryLine(DeliveryReport report, List<String> segment, boolean mayChange) {

	public String kind() {
		return switch (report.kind()) {
			case "ANNOUNCEMENT" -> "お知らせ";
			case "CHANGES" -> "評価の変更の通知";
			case "DIGEST" -> "通知のまとめ";
			default -> report.kind();
		};
	}

	public String state() {
		return switch (report.state()) {
			case "PLANNED" -> report.notBefore() != null ? "予約" : "送信の準備中";
			case "HELD" -> "送信時間待ち";
			case "SENDING" -> "送信中";
			case "SENT" -> "完了（送信済み）";
			case "FAILED" -> "完了（送れなかった相手あり）";
			case "CANCELLED" -> "完了（取り消し）";
			case "PAUSED" -> "保留中（LINE の月間の上限）";
			default -> report.state();
		};
	}

	public boolean finished() {
		return switch (report.state()) {
			case "SENT", "FAILED", "CANCELLED" -> true;
			default -> false;
		};
	}

	public boolean cancellable() {
		return mayChange && !finished();
	}

	public boolean resumable() {
		return mayChange && report.state().equals("PAUSED");
	}

	public String whom() {
		if (!report.kind().equals("ANNOUNCEMENT")) {
			return report.changeIds().isEmpty() ? "" : "評価の変更 " + report.changeIds().size() + " 件のフォロワー";
		}
		return segment.isEmpty() ? "すべてのフォロワー" : String.join("、", segment);
	}
}
