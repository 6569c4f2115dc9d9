package jp.shisakunavi.faq;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * FAQ entries changed between the preview of an import and its confirmation (or while it was being stored):
 * nothing was stored, and {@link #plan()} is what the import would do now.
 */
public class FaqImportChanged extends OptimisticLockingFailureException {

	private final transient FaqImportPlan plan;

	FaqImportChanged(FaqImportPlan plan) {
		super("確認の画面を出した後で FAQ が変更されたので、取り込んでいません。今の内容で確かめて、もう一度取り込んでください");
		this.plan = plan;
	}

	/** What the import would do now. */
	public FaqImportPlan plan() {
		return plan;
	}
}
