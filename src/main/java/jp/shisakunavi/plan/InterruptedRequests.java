package jp.shisakunavi.plan;

import java.time.Clock;
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

	private static final Duration KEPT = Duration.ofDays(30);

	private final EvaluationIntake intake;
	private final EvaluationRequests requests;
	private final Clock clock;

	InterruptedRequests(EvaluationIntake intake, EvaluationRequests requests, Clock clock) {
		this.intake = intake;
		this.requests = requests;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		intake.finishInterrupted(Duration.ZERO);
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	void finishSettled() {
		intake.finishInterrupted(SETTLED);
	}

	/** Done requests are kept 30 days: so long a redelivery under the same idempotency key gets the first answer. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purgeOld() {
		requests.purgeDoneBefore(clock.instant().minus(KEPT));
	}
}
