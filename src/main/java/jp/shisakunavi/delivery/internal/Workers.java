package jp.shisakunavi.delivery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that do one kind of delivery work over and over: again at once while there is work, otherwise when
 * woken or after the poll interval, so that nothing depends on a wake-up a crash or another instance missed. A
 * failure is logged and the work tried again after a pause.
 */
final class Workers {

	private static final Logger log = LoggerFactory.getLogger(Workers.class);

	private final String name;
	private final Duration pollInterval;
	private final BooleanSupplier step;
	private final Semaphore wake = new Semaphore(0);
	private final List<Thread> threads = new ArrayList<>();
	private volatile boolean running = true;

	/** @param step does one piece of work; true when there may be more right away */
	Workers(String name, int count, Duration pollInterval, BooleanSupplier step) {
		this.name = name;
		this.pollInterval = pollInterval;
		this.step = step;
		for (int i = 0; i < count; i++) {
			threads.add(Thread.ofPlatform().daemon().name(name + "-" + i).unstarted(this::run));
		}
	}

	void start() {
		threads.forEach(Thread::start);
	}

	void wake() {
		wake.release(threads.size());
	}

	void stop() throws InterruptedException {
		running = false;
		threads.forEach(Thread::interrupt);
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(10));
		}
	}

	private void run() {
		while (running) {
			try {
				if (!step.getAsBoolean()) {
					wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				if (!running) {
					return;
				}
				log.error("{} failed; trying again shortly", name, e);
				try {
					Thread.sleep(pollInterval);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}
}
