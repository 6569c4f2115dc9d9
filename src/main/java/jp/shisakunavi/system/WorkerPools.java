package jp.shisakunavi.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's pools of background threads (answering LINE events, planning and sending notifications), so
 * that one whose threads are not all running shows: health DOWN with the pool named, and the metrics
 * {@code shisaku.workers.alive} and {@code shisaku.workers.failures} per pool.
 */
@Component("workers")
public class WorkerPools implements HealthIndicator {

	private final List<Pool> pools = new CopyOnWriteArrayList<>();
	private final MeterRegistry meters;

	public WorkerPools(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A pool that keeps a number of threads running; it reports failures itself through {@link #failed}. */
	public interface Pool {

		String name();

		/** Threads that should be running now (0 before the pool started and after it stopped). */
		int expected();

		int alive();
	}

	public void register(Pool pool) {
		pools.add(pool);
		Gauge.builder("shisaku.workers.alive", pool, Pool::alive).tag("pool", pool.name())
			.description("threads of the pool that are running").register(meters);
		meters.counter("shisaku.workers.failures", "pool", pool.name());
	}

	/** A thread of the pool failed with an unexpected throwable (it is replaced or goes on). */
	public void failed(String pool) {
		meters.counter("shisaku.workers.failures", "pool", pool).increment();
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (Pool pool : pools) {
			int expected = pool.expected();
			int alive = pool.alive();
			health.withDetail(pool.name(), alive + " of " + expected + " running");
			if (alive < expected) {
				health.down();
			}
		}
		return health.build();
	}
}
