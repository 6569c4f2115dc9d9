package jp.shisakunavi.staff;

/** A change of a round based on a version that is no longer current: refused, with the round as it is now. */
public class StaleRound extends RuntimeException {

	private final Round current;

	StaleRound(Round current) {
		super("この報告依頼は" + ReportTexts.time(current.changedAt()) + "に変更されています。最新の内容を確かめてから、もう一度変更してください。");
		this.current = current;
	}

	public Round current() {
		return current;
	}
}
