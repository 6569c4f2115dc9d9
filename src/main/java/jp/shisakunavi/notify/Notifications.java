package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;

/**
 * What administrators do with citizens' notifications: see each delivery's recipients and batches, preview (dry
 * run) who a change or an announcement would reach, choose a segment among the topics citizens follow, announce
 * to it now or later, mark a change urgent, resume what waits for the quota, cancel a delivery.
 */
@Service
public class Notifications {

	private final Deliveries deliveries;
	private final ChangeNotices notices;
	private final RatingChanges ratingChanges;
	private final AnnouncementDelivery announcements;
	private final Audiences audiences;
	private final Topics topics;
	private final PlanCatalog plans;
	private final NotifyProperties properties;

	Notifications(Deliveries deliveries, ChangeNotices notices, RatingChanges ratingChanges,
			AnnouncementDelivery announcements, Audiences audiences, Topics topics, PlanCatalog plans,
			NotifyProperties properties) {
		this.deliveries = deliveries;
		this.notices = notices;
		this.ratingChanges = ratingChanges;
		this.announcements = announcements;
		this.audiences = audiences;
		this.topics = topics;
		this.plans = plans;
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

	/** Who would hear of a change that an intake has not recorded yet (an import's preview). */
	public ChangeReach reachOf(RatingChange change) {
		return new ChangeReach(audiences.countFollowers(audiences.keysOf(List.of(change))),
				NoticeText.changes(List.of(change)));
	}

	/** The cities whose citizens can follow topics, as the plans name them. */
	public List<String> cities() {
		return topics.cities();
	}

	/** The topics of a city an announcement can be addressed to. */
	public Segments segments(String municipality) {
		List<Followed> measures = plans.plans().stream()
			.filter(p -> p.municipality().equals(municipality))
			.flatMap(p -> plans.measuresOf(p.id()).stream())
			.map(m -> new Followed(Topic.measure(m.id()), m.title()))
			.toList();
		return new Segments(new Followed(Topic.city(municipality), municipality + "のすべての施策"),
				topics.themes(municipality).stream()
					.map(t -> new Followed(Topic.theme(municipality, t), municipality + "・" + t)).toList(),
				topics.pillars(municipality),
				topics.departments(municipality).stream()
					.map(d -> new Followed(Topic.department(municipality, d), municipality + "・" + d)).toList(),
				measures);
	}

	/** How a topic reads (多治見市・防災・安全); empty when it is not one or names nothing that exists. */
	public Optional<String> label(String topicKey) {
		return Topic.parse(topicKey).flatMap(topics::label);
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

	/**
	 * As {@link #announce}, under an id the caller chose for this announcement (a console draft's): sending the same
	 * id again sends nothing more and answers the delivery as it stands.
	 */
	public DeliveryReport announce(String announcementId, List<String> topicKeys, String text, Instant at,
			boolean urgent) {
		return DeliveryReport.of(deliveries.order(announcements.order(announcementId, topicKeys, text, at, urgent)));
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
