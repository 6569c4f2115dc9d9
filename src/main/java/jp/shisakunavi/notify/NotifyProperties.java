package jp.shisakunavi.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import jp.shisakunavi.delivery.DailyCap;

/**
 * How citizens are notified (see .env.example).
 *
 * @param sendWindow local times (Asia/Tokyo) between which messages go out, {@code 09:00-18:00}; empty: always
 * @param coalesce changes recorded within this time of the first waiting one go out together, as one message
 *        per citizen
 * @param dailyCap messages a citizen gets per day at most; what is over it waits for the next day's digest
 *        (0: no cap, and nothing counted)
 */
@ConfigurationProperties("shisaku.notify")
record NotifyProperties(String sendWindow, Duration coalesce, Integer dailyCap) {

	/** Citizens' messages are counted apart from any other client's. */
	static final String COUNTER = "citizens";

	NotifyProperties {
		sendWindow = sendWindow == null ? "09:00-18:00" : sendWindow.trim();
		coalesce = coalesce == null ? Duration.ofMinutes(5) : coalesce;
		dailyCap = dailyCap == null ? 3 : dailyCap;
	}

	/** For rating changes: held over the cap, for the digest. */
	DailyCap capped() {
		return dailyCap == 0 ? null : DailyCap.atMost(COUNTER, dailyCap);
	}

	/** For announcements and digests: they count towards the cap but are never held by it. */
	DailyCap counted() {
		return dailyCap == 0 ? null : DailyCap.counted(COUNTER);
	}
}
