package jp.shisakunavi.admin;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.shisakunavi.plan.Replay;
import jp.shisakunavi.plan.ReplayResult;

/** Replays a built-in plan's history as rating changes, for demonstrations. */
@RestController
class ReplayController {

	private final Replay replay;

	ReplayController(Replay replay) {
		this.replay = replay;
	}

	@PostMapping("/admin/api/replay")
	ReplayResult replay(@RequestParam String plan) {
		if (plan.isBlank() || plan.length() > 100) {
			throw new IllegalArgumentException("Parameter 'plan' must be a plan id such as chigasaki-1");
		}
		return replay.replay(plan.strip());
	}
}
