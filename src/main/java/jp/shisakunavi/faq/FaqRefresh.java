package jp.shisakunavi.faq;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices FAQ changes made by other instances on the same database: every change raises the FAQ's revision, and
 * each instance reads it every {@code shisaku.faq.refresh} (default two seconds) and announces a higher one as
 * {@link FaqChanged}, on which the search index rebuilds. (MongoDB's change streams would push instead of being
 * asked, but the embedded server does not have them; one small read every two seconds costs nothing.)
 */
@Component
@Order(5)
class FaqRefresh implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FaqRefresh.class);

	private final FaqRecords records;
	private final ApplicationEventPublisher events;
	private volatile long seen;

	FaqRefresh(FaqRecords records, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
	}

	/** Before the seed is read and the index built: anything written after this is announced. */
	@Override
	public void run(ApplicationArguments args) {
		seen = records.revision();
	}

	@Scheduled(fixedDelayString = "${shisaku.faq.refresh:PT2S}", initialDelayString = "${shisaku.faq.refresh:PT2S}")
	void poll() {
		try {
			long revision = records.revision();
			if (revision > seen) {
				log.debug("FAQ revision {} (was {}): changed by another instance", revision, seen);
				events.publishEvent(new FaqChanged(revision));
			}
			seen = Math.max(seen, revision);
		}
		catch (RuntimeException e) {
			log.warn("Cannot read the FAQ revision; will try again: {}", e.getMessage());
		}
	}

	/** This instance's own changes are announced when they are made, not again at the next poll. */
	@EventListener
	void on(FaqChanged event) {
		seen = Math.max(seen, event.revision());
	}
}
