package jp.shisakunavi.faq;

/** An import with rows that cannot be taken (each with its reasons in the plan); nothing was stored. */
public class InvalidFaqImport extends IllegalArgumentException {

	private final transient FaqImportPlan plan;

	InvalidFaqImport(FaqImportPlan plan) {
		super("取り込めない行が " + plan.count(FaqImportPlan.Action.REFUSED) + " 行あるので、何も取り込んでいません");
		this.plan = plan;
	}

	public FaqImportPlan plan() {
		return plan;
	}
}
