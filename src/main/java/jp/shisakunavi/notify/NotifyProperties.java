package jp.shisakunavi.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are delivered (see .env.example).
 *
 * @param sendWindow local times (Asia/Tokyo) between which messages go out, {@code 09:00-18:00}; empty: always
 * @param coalesce changes recorded within this time of the first waiting one go out together, as one message
 *        per citizen
 * @param dailyCap messages a citizen gets per day at most; what is over it waits for the next day's digest
 *        (0: no cap)
 * @param multicastRate multicast requests per second this instance sends at most (LINE allows 200 per channel:
 *        with several instances, divide)
 * @param senders threads that send batches
 * @param lease how long a claimed chunk of batches belongs to one sender before another may take it over
 * @param giveUpAfter a batch still failing this long after its first attempt is marked failed (LINE remembers a
 *        retry key 24 hours, so a later retry could send twice)
 * @param quotaCheckFrom deliveries to at least this many LINE users first check the monthly quota
 * @param pollInterval how often waiting work is looked for (events wake the workers earlier)
 * @param retryBackoff the pause after a batch's first failed attempt; it doubles with each further one
 */
@ConfigurationProperties("shisaku.notify")
record NotifyProperties(String sendWindow, Duration coalesce, Integer dailyCap, Double multicastRate, Integer senders,
		Duration lease, Duration giveUpAfter, Integer quotaCheckFrom, Duration pollInterval,
		Duration retryBackoff) {

	NotifyProperties {
		sendWindow = sendWindow == null ? "09:00-18:00" : sendWindow.trim();
		coalesce = coalesce == null ? Duration.ofMinutes(5) : coalesce;
		dailyCap = dailyCap == null ? 3 : dailyCap;
		multicastRate = multicastRate == null ? 200.0 : multicastRate;
		senders = senders == null ? 4 : senders;
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		giveUpAfter = giveUpAfter == null ? Duration.ofHours(23) : giveUpAfter;
		quotaCheckFrom = quotaCheckFrom == null ? 1000 : quotaCheckFrom;
		pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
	}
}
