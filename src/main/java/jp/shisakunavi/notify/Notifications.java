package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;

/**
 * What administrators do with citizens' notifications: see each delivery's recipients and batches, preview (dry
 * run) who a change or an announcement would reach, announce to a segment now or later, mark a change urgent,
 * resume what waits for the quota, cancel a delivery.
 */
@Service
public class Notifications {

	private final Deliveries deliveries;
	private final ChangeNotices notices;
	private final RatingChanges ratingChanges;
	private final AnnouncementDelivery announcements;
	private final NotifyProperties properties;

	Notifications(Deliveries deliveries, ChangeNotices notices, RatingChanges ratingChanges,
			AnnouncementDelivery announcements, NotifyProperties properties) {
		this.deliveries = deliveries;
		this.notices = notices;
		this.ratingChanges = ratingChanges;
		this.announcements = announcements;
		this.properties = properties;
	}

	/** The newest deliveries (of every kind: staff reminders too), newest first. */
	public List<DeliveryReport> recent(int limit) {
		return deliveries.recent(limit).stream().map(DeliveryReport::of).toList();
	}

	public Optional<DeliveryReport> find(String deliveryId) {
		return deliveries.find(deliveryId).map(DeliveryReport::of);
	}

	/** The delivery that took a rating change; empty while the change still waits (or does not exist). */
	public Optional<DeliveryReport> ofChange(String changeId) {
		return notices.find(changeId).map(ChangeNotices.ChangeNotice::deliveryId).flatMap(this::find);
	}

	/** Who a rating change reaches, without sending anything; empty when there is no such change. */
	public Optional<Preview> previewChange(String changeId) {
		return ratingChanges.find(changeId).map(change -> {
			boolean urgent = change.urgent()
					|| notices.find(changeId).map(ChangeNotices.ChangeNotice::urgent).orElse(false);
			DeliveryOrder order = ChangeDelivery.order("preview", List.of(change.id()), urgent, properties);
			return Preview.of(deliveries.preview(order), NoticeText.changes(List.of(change)));
		});
	}

	public Preview previewAnnouncement(List<String> topicKeys, String text) {
		DeliveryOrder order = announcements.order(topicKeys, text, null, false);
		return Preview.of(deliveries.preview(order), NoticeText.announcement(text.strip()));
	}

	/**
	 * Sends a text to the followers of the topics (everyone who follows anything when none), at {@code at} or
	 * now; urgent ones go out outside the send window too.
	 */
	public DeliveryReport announce(List<String> topicKeys, String text, Instant at, boolean urgent) {
		return DeliveryReport.of(deliveries.order(announcements.order(topicKeys, text, at, urgent)));
	}

	/** Sends a change at once, outside the send window too; false when there is no such applied change. */
	public boolean markUrgent(String changeId) {
		Optional<RatingChange> change = ratingChanges.find(changeId).filter(RatingChange::applied);
		if (change.isEmpty()) {
			return false;
		}
		ChangeNotices.ChangeNotice notice = notices.markUrgent(change.get());
		if (notice.deliveryId() != null) {
			deliveries.markUrgent(notice.deliveryId());
		}
		deliveries.wake();
		return true;
	}

	/** Lets a delivery that waits for a decision (the quota) go out; false when it does not wait. */
	public boolean resume(String deliveryId) {
		return deliveries.resume(deliveryId);
	}

	/** Withdraws a delivery that has not finished, also while it is being sent; false when it has. */
	public boolean cancel(String deliveryId) {
		return deliveries.cancel(deliveryId);
	}

	/** Why sending is paused for the whole channel (LINE's monthly quota), if it is. */
	public Optional<String> quotaPause() {
		return deliveries.quotaPause();
	}

	public void resumeAfterQuota() {
		deliveries.resumeAfterQuota();
	}
}
