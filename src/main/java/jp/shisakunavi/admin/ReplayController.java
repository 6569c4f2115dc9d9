package jp.shisakunavi.admin;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.Replay;
import jp.shisakunavi.plan.ReplayResult;

/** Replays a built-in plan's history as rating changes, for demonstrations. */
@RestController
class ReplayController {

	private final Replay replay;
	private final Permissions permissions;
	private final Scope scope;
	private final AuditLog audit;

	ReplayController(Replay replay, Permissions permissions, Scope scope, AuditLog audit) {
		this.replay = replay;
		this.permissions = permissions;
		this.scope = scope;
		this.audit = audit;
	}

	@PostMapping("/admin/api/replay")
	ReplayResult replay(@RequestParam String plan) {
		if (plan.isBlank() || plan.length() > 100) {
			throw new IllegalArgumentException("Parameter 'plan' must be a plan id such as chigasaki-1");
		}
		var municipalities = scope.ofPlan(plan.strip());
		permissions.requireEditAll(municipalities);
		ReplayResult result = replay.replay(plan.strip());
		audit.record(AuditChange.of("plan.replay", "計画 " + plan.strip() + " の評価の履歴を再生しました").target(plan.strip())
			.municipalities(municipalities).after(result));
		return result;
	}
}
