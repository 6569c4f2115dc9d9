package jp.shisakunavi.audit;

import java.util.Collection;
import java.util.List;

/**
 * One change to record, built in one expression:
 * {@code AuditChange.of("faq.update", "FAQ を更新しました").target(id).municipality("多治見市").before(old).after(saved)}.
 *
 * @param action a stable code, module first ({@code account.create}, {@code evaluations.import}); the console
 *        filters by it
 * @param summary what happened, in Japanese, as an administrator reads it in the log
 * @param target what was changed (an account's user name, a delivery id, a measure id), empty when nothing single
 * @param municipalities the municipalities the change concerns, for filtering; empty when it concerns none or all
 * @param before the state before (any value Jackson can write; passwords and tokens never), or null
 * @param after the state after, or null
 */
public record AuditChange(String action, String summary, String target, List<String> municipalities, Object before,
		Object after) {

	public AuditChange {
		if (action == null || action.isBlank() || summary == null || summary.isBlank()) {
			throw new IllegalArgumentException("an audited change needs an action and a summary");
		}
		target = target == null ? "" : target;
		municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
	}

	public static AuditChange of(String action, String summary) {
		return new AuditChange(action, summary, "", List.of(), null, null);
	}

	public AuditChange target(String target) {
		return new AuditChange(action, summary, target, municipalities, before, after);
	}

	public AuditChange municipality(String municipality) {
		return municipality == null ? this : municipalities(List.of(municipality));
	}

	public AuditChange municipalities(Collection<String> municipalities) {
		return new AuditChange(action, summary, target, List.copyOf(municipalities), before, after);
	}

	public AuditChange before(Object before) {
		return new AuditChange(action, summary, target, municipalities, before, after);
	}

	public AuditChange after(Object after) {
		return new AuditChange(action, summary, target, municipalities, before, after);
	}
}
