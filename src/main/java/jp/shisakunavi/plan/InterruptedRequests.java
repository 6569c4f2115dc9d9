package jp.shisakunavi.plan;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes evaluation requests that a crash interrupted: at start-up, before the service is ready, and every few
 * minutes for those left by another instance (old enough that no intake can still be writing them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InterruptedRequests implements ApplicationRunner {

	private static final Duration SETTLED = Duration.ofMinutes(2);

	private final EvaluationIntake intake;

	InterruptedRequests(EvaluationIntake intake) {
		this.intake = intake;
	}

	@Override
	public void run(ApplicationArguments args) {
		intake.finishInterrupted(Duration.ZERO);
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	void finishSettled() {
		intake.finishInterrupted(SETTLED);
	}
}
