package jp.shisakunavi.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;
import jp.shisakunavi.plan.RatingsChanged;
import jp.shisakunavi.users.LineUserId;

/**
 * Rating changes to the citizens who follow them: each citizen gets one message with the changes they follow
 * (the old and new rating and what the new one means); over their daily cap the changes wait for the next day's
 * digest. Collecting the changes into deliveries is {@link ChangeCollector}'s, at every planning pass.
 */
@Component
class ChangeDelivery implements DeliveryClient<ChangeDelivery.Changes> {

	static final String KIND = "CHANGES";

	private final RatingChanges ratingChanges;
	private final Audiences audiences;
	private final HeldNotices heldNotices;
	private final ChangeCollector collector;
	private final ChangeNotices notices;
	private final Deliveries deliveries;
	private final NotifyProperties properties;

	ChangeDelivery(RatingChanges ratingChanges, Audiences audiences, HeldNotices heldNotices, ChangeCollector collector,
			ChangeNotices notices, Deliveries deliveries, NotifyProperties properties) {
		this.ratingChanges = ratingChanges;
		this.audiences = audiences;
		this.heldNotices = heldNotices;
		this.collector = collector;
		this.notices = notices;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	/** @param changeIds the changes it tells about, in id order */
	record Changes(List<String> changeIds) {
	}

	static DeliveryOrder order(String id, List<String> changeIds, boolean urgent, NotifyProperties properties) {
		return DeliveryOrder.of(id, KIND, new Changes(changeIds), CitizenWindow.NAME).withUrgent(urgent)
			.withCap(properties.capped());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<Changes> parameterType() {
		return Changes.class;
	}

	@Override
	public Stream<Recipient> recipients(Changes parameters, LineUserId after) {
		return audiences.followers(audiences.keysOf(ratingChanges.find(parameters.changeIds())), after);
	}

	@Override
	public List<Message> render(Changes parameters, String group) {
		Set<String> wanted = Set.copyOf(Audiences.changeIds(group));
		return NoticeText.message(NoticeText.changes(ratingChanges.find(parameters.changeIds()).stream()
			.filter(change -> wanted.contains(change.id()))
			.toList()));
	}

	@Override
	public void held(Changes parameters, LocalDate day, List<Recipient> held) {
		heldNotices.hold(day, held);
	}

	@Override
	public long estimatedRecipients(Changes parameters) {
		List<RatingChange> changes = ratingChanges.find(parameters.changeIds());
		return changes.isEmpty() ? 0 : audiences.countFollowers(audiences.keysOf(changes));
	}

	@Override
	public void schedule(Instant now) {
		collector.collect(now);
	}

	/** A delivery of changes of the version before: its changes are linked to it, as delivered. */
	@Override
	public Optional<DeliveryOrder> adopt(String id, Map<String, Object> stored) {
		List<String> changeIds = LegacyNotifications.strings(stored.get("changeIds"));
		boolean urgent = Boolean.TRUE.equals(stored.get("urgent"));
		changeIds.forEach(change -> notices.recordDelivered(change, urgent, null, id));
		return Optional.of(order(id, changeIds, urgent, properties));
	}

	@EventListener
	void on(RatingsChanged event) {
		deliveries.wake();
	}
}
