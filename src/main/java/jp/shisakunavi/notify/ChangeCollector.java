package jp.shisakunavi.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryStatus;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;

/**
 * Turns applied rating changes into deliveries, on the one instance that plans ({@link ChangeDelivery#schedule}).
 *
 * <p>Why every applied change is notified exactly once, across crashes and instances, without a flag on the
 * change: plan stamps each change with the database's time in the same atomic update that applies it
 * ({@code appliedAt}), and the changes are read in that order from a cursor, the latest time read so far, less an
 * overlap. A change whose stamp is older than the cursor could only be missed if it became visible more than the
 * overlap after it was stamped, which a single-document update on one server's clock does not do; the overlap also
 * covers that server's clock being set back a little (a replica set's failover). Reading twice is harmless:
 * each change becomes one {@link ChangeNotices notice} keyed by its id. A notice is given to a delivery (whose id is
 * derived from its changes) before that delivery is ordered, and ordering is idempotent, so a crash in between is
 * finished at the next pass; a notice once given is never given again. The cursor advances only after the notices
 * of what was read are written.
 *
 * <p>Changes that waited the coalescing time become one delivery, so that a citizen affected by several gets one
 * compact list; urgent changes go at once.
 */
@Component
class ChangeCollector {

	static final Duration OVERLAP = Duration.ofMinutes(2);
	private static final int PAGE = 500;
	private static final int WAITING = 1000;

	private final RatingChanges ratingChanges;
	private final ChangeNotices notices;
	private final Deliveries deliveries;
	private final NotifyProperties properties;

	ChangeCollector(RatingChanges ratingChanges, ChangeNotices notices, Deliveries deliveries,
			NotifyProperties properties) {
		this.ratingChanges = ratingChanges;
		this.notices = notices;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	void collect(Instant now) {
		read();
		coalesce(now);
		orderAssigned();
	}

	/** The changes applied since the cursor (less the overlap) become notices. */
	private void read() {
		Instant from = notices.cursor().minus(OVERLAP);
		String afterId = "";
		List<RatingChange> page;
		do {
			page = ratingChanges.appliedSince(from, afterId, PAGE);
			if (page.isEmpty()) {
				return;
			}
			notices.recordNew(page);
			RatingChange last = page.getLast();
			from = last.appliedAt();
			afterId = last.id();
			notices.advanceCursor(from);
		}
		while (page.size() == PAGE);
	}

	/** Urgent changes at once, the others once the oldest has waited the coalescing time, each as one delivery. */
	private void coalesce(Instant now) {
		List<ChangeNotices.ChangeNotice> waiting = notices.waiting(WAITING);
		List<ChangeNotices.ChangeNotice> urgent = waiting.stream().filter(ChangeNotices.ChangeNotice::urgent).toList();
		List<ChangeNotices.ChangeNotice> normal = waiting.stream().filter(n -> !n.urgent()).toList();
		if (!urgent.isEmpty()) {
			assign(urgent);
		}
		Instant oldest = normal.stream().map(ChangeNotices.ChangeNotice::recordedAt).min(Comparator.naturalOrder())
			.orElse(null);
		if (oldest != null && !oldest.plus(properties.coalesce()).isAfter(now)) {
			assign(normal);
		}
	}

	private void assign(List<ChangeNotices.ChangeNotice> changes) {
		List<String> ids = changes.stream().map(ChangeNotices.ChangeNotice::changeId).sorted().toList();
		notices.assign(ids, "changes-" + UUID.nameUUIDFromBytes(String.join(",", ids).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Orders the deliveries that were given changes, urgent when any of them is (read after ordering as well, for
	 * an administrator who marked one urgent meanwhile).
	 */
	private void orderAssigned() {
		for (String deliveryId : notices.assignedNotOrdered()) {
			List<ChangeNotices.ChangeNotice> taken = notices.ofDelivery(deliveryId);
			boolean urgent = taken.stream().anyMatch(ChangeNotices.ChangeNotice::urgent);
			DeliveryStatus ordered = deliveries.order(ChangeDelivery.order(deliveryId,
					taken.stream().map(ChangeNotices.ChangeNotice::changeId).toList(), urgent, properties));
			if (!ordered.urgent() && notices.ofDelivery(deliveryId).stream().anyMatch(ChangeNotices.ChangeNotice::urgent)) {
				deliveries.markUrgent(deliveryId);
			}
			notices.markOrdered(deliveryId);
		}
	}
}
