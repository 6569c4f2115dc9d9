package jp.shisakunavi.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves forward (an invitation expiring, a report coming after the due date). */
final class MovableClock extends Clock {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	@Override
	public ZoneId getZone() {
		return TOKYO;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now.get(), zone);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	void advance(Duration duration) {
		now.updateAndGet(t -> t.plus(duration));
	}

	/** Replaces the application's clock. */
	@TestConfiguration
	static class Configuration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}
}
