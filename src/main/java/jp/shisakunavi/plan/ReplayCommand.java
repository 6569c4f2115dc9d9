package jp.shisakunavi.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --replay=chigasaki-1[,tajimi-4]} replays plans' histories at start-up (after the built-in data is
 * loaded); the service keeps running, so that the changes are delivered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ReplayCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);

	private final Replay replay;

	ReplayCommand(Replay replay) {
		this.replay = replay;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("replay")) {
			return;
		}
		for (String value : args.getOptionValues("replay")) {
			for (String planId : value.split(",")) {
				replayOne(planId.strip());
			}
		}
	}

	private void replayOne(String planId) {
		try {
			ReplayResult result = replay.replay(planId);
			log.info("Replayed {} from {}: {} changes detected, {} recorded now", planId,
					result.startYearLabel() == null ? "no ratings" : result.startYearLabel(), result.detected(),
					result.recorded());
			result.years().forEach(y -> log.info("  {}: {} ratings, {} changes ({} recorded now)",
					y.fiscalYearLabel(), y.result().rows(), y.result().changes().size(), y.result().recorded()));
		}
		catch (IllegalArgumentException e) {
			log.error("Could not replay {}: {}", planId, e.getMessage());
		}
	}
}
