package jp.shisakunavi.staff;

import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A save based on a version that is no longer current (someone else of the department saved meanwhile): refused,
 * with the report as it is now and what changed since the version read.
 *
 * @see #changed()
 */
public class StaleReport extends OptimisticLockingFailureException {

	private final Obligation current;
	private final List<String> changed;

	StaleReport(Obligation current, long seenVersion, List<String> changed) {
		super("この報告は" + (current.history().isEmpty() ? "ほかの人が"
				: ReportTexts.time(current.history().getLast().at()) + "に" + current.history().getLast().byName() + "が")
				+ "更新しています（変わった項目: " + (changed.isEmpty() ? "状況" : String.join("・", changed))
				+ "）。最新の内容を確かめてから、もう一度保存してください。");
		this.current = current;
		this.changed = List.copyOf(changed);
	}

	public Obligation current() {
		return current;
	}

	/** The fields whose content differs from the version read, in Japanese: 評価, 実績, 課題, 添付, 状況. */
	public List<String> changed() {
		return changed;
	}
}
