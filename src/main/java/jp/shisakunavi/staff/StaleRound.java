package jp.shisakunavi.staff;

import org.springframework.dao.OptimisticLockingFailureException;

/** A change of a round based on a version that is no longer current: refused, with the round as it is now. */
public class StaleRound extends OptimisticLockingFailureException {

	private final Round current;

	StaleRound(Round current) {
		super("この報告依頼は" + ReportTexts.time(current.changedAt()) + "に変更されています。最新の内容を確かめてから、もう一度変更してください。");
		this.current = current;
	}

	public Round current() {
		return current;
	}
}
