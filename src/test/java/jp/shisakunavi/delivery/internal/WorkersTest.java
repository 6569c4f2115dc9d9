package jp.shisakunavi.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.shisakunavi.system.WorkerPools;

/** Worker threads do not die quietly: failures of any kind are counted, threads replaced, health tells. */
class WorkersTest {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	final WorkerPools pools = new WorkerPools(meters);

	@Test
	void errorsAreCountedAndTheWorkGoesOnOnEveryThread() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		Workers workers = new Workers("test", 2, Duration.ofMillis(10), () -> {
			if (calls.incrementAndGet() <= 4) {
				throw calls.get() % 2 == 0 ? new OutOfMemoryError("test") : new StackOverflowError();
			}
			return false;
		}, pools);
		workers.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > 20);
			assertThat(meters.counter("shisaku.workers.failures", "pool", "test").count()).isEqualTo(4);
			assertThat(workers.alive()).isEqualTo(2);
			assertThat(pools.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			workers.stop();
		}
		assertThat(workers.expected()).isZero();
	}

	@Test
	void aThreadThatEndsWhileThePoolRunsIsReplaced() throws Exception {
		Workers workers = new Workers("replaced", 2, Duration.ofMillis(10), () -> false, pools);
		workers.start();
		try {
			Thread first = Thread.getAllStackTraces().keySet().stream()
				.filter(t -> t.getName().equals("replaced-0")).findFirst().orElseThrow();
			first.interrupt();
			await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
				.anyMatch(t -> t.getName().equals("replaced-2") && t.isAlive()));
			assertThat(workers.alive()).isEqualTo(2);
		}
		finally {
			workers.stop();
		}
	}

	@Test
	void aPoolNotAllRunningMakesHealthDown() {
		pools.register(new WorkerPools.Pool() {
			@Override
			public String name() {
				return "half";
			}

			@Override
			public int expected() {
				return 2;
			}

			@Override
			public int alive() {
				return 1;
			}
		});

		assertThat(pools.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(pools.health().getDetails()).containsEntry("half", "1 of 2 running");
	}
}
