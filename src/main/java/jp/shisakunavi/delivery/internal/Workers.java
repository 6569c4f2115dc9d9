package jp.shisakunavi.delivery.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.shisakunavi.system.WorkerPools;

/**
 * Threads that do one kind of delivery work over and over: again at once while there is work, otherwise when
 * woken or after the poll interval, so that nothing depends on a wake-up a crash or another instance missed. A
 * failure of any kind (an exception, or an error such as running out of memory) is logged, counted, and the work
 * tried again after a pause; a thread that dies all the same is replaced. The pool is registered with
 * {@link WorkerPools}, whose health check says when it is not all running.
 */
final class Workers implements WorkerPools.Pool {

	private static final Logger log = LoggerFactory.getLogger(Workers.class);

	private final String name;
	private final int count;
	private final Duration pollInterval;
	private final BooleanSupplier step;
	private final WorkerPools pools;
	private final Semaphore wake = new Semaphore(0);
	private final List<Thread> threads = new CopyOnWriteArrayList<>();
	private volatile boolean running;
	private int started;

	/** @param step does one piece of work; true when there may be more right away */
	Workers(String name, int count, Duration pollInterval, BooleanSupplier step, WorkerPools pools) {
		this.name = name;
		this.count = count;
		this.pollInterval = pollInterval;
		this.step = step;
		this.pools = pools;
		pools.register(this);
	}

	synchronized void start() {
		running = true;
		for (int i = 0; i < count; i++) {
			startThread();
		}
	}

	private synchronized void startThread() {
		Thread thread = Thread.ofPlatform().daemon().name(name + "-" + started++).unstarted(this::run);
		threads.add(thread);
		thread.start();
	}

	void wake() {
		wake.release(count);
	}

	void stop() throws InterruptedException {
		running = false;
		threads.forEach(Thread::interrupt);
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(10));
		}
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int expected() {
		return running ? count : 0;
	}

	@Override
	public int alive() {
		return (int) threads.stream().filter(Thread::isAlive).count();
	}

	private void run() {
		try {
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
				catch (Throwable e) {
					if (!running) {
						return;
					}
					pools.failed(name);
					log.error("{} failed; trying again shortly", name, e);
					Thread.sleep(pollInterval);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Throwable e) {
			pools.failed(name);
			log.error("{} stopped by a failure while recovering from one; a new thread takes over", name, e);
		}
		finally {
			threads.remove(Thread.currentThread());
			if (running) {
				startThread();
			}
		}
	}
}
