package jp.shisakunavi.staff.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock, set by the test to any local time in Tokyo: days pass in a test of seconds. */
final class SimulatedClock extends Clock {

	static final ZoneId TOKYO_ZONE = ZoneId.of("Asia/Tokyo");
	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	@Override
	public ZoneId getZone() {
		return TOKYO_ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now.get(), zone);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	Instant set(LocalDateTime local) {
		Instant at = local.atZone(TOKYO_ZONE).toInstant();
		now.set(at);
		return at;
	}

	Instant advance(Duration duration) {
		return now.updateAndGet(t -> t.plus(duration));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		SimulatedClock simulatedClock() {
			return new SimulatedClock();
		}
	}
}
