package jp.shisakunavi.line;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the LINE side behaves.
 *
 * @param queueCapacity events waiting to be answered; beyond it webhooks are refused with 503 so that LINE
 *        redelivers them later instead of them being lost
 * @param workers threads that answer events; 0: one per core
 * @param maxQueueWait while the oldest waiting event has waited longer, webhooks are refused with 503 as when the
 *        queue is full: this bounds how late an answer comes by time, whatever the answer rate
 * @param eventRetention how long webhook event ids are remembered to drop redeliveries
 * @param replyDeadline how long after an event a reply is still attempted (reply tokens live about a minute)
 * @param loadingDelay after this, a user waiting for an answer sees LINE's loading animation
 */
@ConfigurationProperties("shisaku.line")
record LineProperties(Integer queueCapacity, Integer workers, Duration maxQueueWait, Duration eventRetention,
		Duration replyDeadline, Duration loadingDelay) {

	LineProperties {
		queueCapacity = queueCapacity == null ? 5000 : queueCapacity;
		workers = workers == null || workers <= 0 ? Runtime.getRuntime().availableProcessors() : workers;
		maxQueueWait = maxQueueWait == null ? Duration.ofSeconds(2) : maxQueueWait;
		eventRetention = eventRetention == null ? Duration.ofDays(3) : eventRetention;
		replyDeadline = replyDeadline == null ? Duration.ofSeconds(50) : replyDeadline;
		loadingDelay = loadingDelay == null ? Duration.ofMillis(400) : loadingDelay;
	}
}
