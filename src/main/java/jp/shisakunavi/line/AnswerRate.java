package jp.shisakunavi.line;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Events taken off the queue per second, over the last full second: how fast waiting work is done. */
final class AnswerRate {

	private static final long WINDOW = TimeUnit.SECONDS.toNanos(1);

	private final AtomicLong answered = new AtomicLong();
	private long windowStart = System.nanoTime();
	private volatile double perSecond;

	void answered() {
		answered.incrementAndGet();
	}

	double perSecond(long now) {
		if (now - windowStart >= WINDOW) {
			synchronized (this) {
				if (now - windowStart >= WINDOW) {
					perSecond = answered.getAndSet(0) * 1e9 / (now - windowStart);
					windowStart = now;
				}
			}
		}
		return perSecond;
	}
}
