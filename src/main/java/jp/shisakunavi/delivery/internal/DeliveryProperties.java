package jp.shisakunavi.delivery.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How messages are delivered, whoever sends them (see .env.example).
 *
 * @param multicastRate multicast requests per second this instance sends at most (LINE allows 200 per channel:
 *        with several instances, divide)
 * @param senders threads that send batches
 * @param lease how long a claimed chunk of batches belongs to one sender before another may take it over
 * @param giveUpAfter a batch still failing this long after its first attempt is marked failed (LINE remembers a
 *        retry key 24 hours, so a later retry could send twice)
 * @param quotaCheckFrom deliveries to at least this many users first check the monthly quota
 * @param pollInterval how often waiting work is looked for (orders and wake-ups look earlier)
 * @param retryBackoff the pause after a batch's first failed attempt; it doubles with each further one
 */
@ConfigurationProperties("shisaku.delivery")
record DeliveryProperties(Double multicastRate, Integer senders, Duration lease, Duration giveUpAfter,
		Integer quotaCheckFrom, Duration pollInterval, Duration retryBackoff) {

	DeliveryProperties {
		multicastRate = multicastRate == null ? 200.0 : multicastRate;
		senders = senders == null ? 4 : senders;
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		giveUpAfter = giveUpAfter == null ? Duration.ofHours(23) : giveUpAfter;
		quotaCheckFrom = quotaCheckFrom == null ? 1000 : quotaCheckFrom;
		pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
	}
}
