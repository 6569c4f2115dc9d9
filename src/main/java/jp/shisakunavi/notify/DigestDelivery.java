package jp.shisakunavi.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.plan.RatingChanges;
import jp.shisakunavi.users.LineUserId;

/**
 * What the daily cap held back on earlier days goes out as one digest per citizen (まとめてお知らせします) at the
 * first opening of the send window on a new day.
 */
@Component
class DigestDelivery implements DeliveryClient<DigestDelivery.Digest> {

	static final String KIND = "DIGEST";

	private final HeldNotices heldNotices;
	private final Audiences audiences;
	private final RatingChanges ratingChanges;
	private final CitizenWindow window;
	private final Deliveries deliveries;
	private final NotifyProperties properties;

	DigestDelivery(HeldNotices heldNotices, Audiences audiences, RatingChanges ratingChanges, CitizenWindow window,
			Deliveries deliveries, NotifyProperties properties) {
		this.heldNotices = heldNotices;
		this.audiences = audiences;
		this.ratingChanges = ratingChanges;
		this.window = window;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	/** @param day the held notices of days before this one (yyyy-MM-dd) */
	record Digest(String day) {
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<Digest> parameterType() {
		return Digest.class;
	}

	@Override
	public Stream<Recipient> recipients(Digest parameters, LineUserId after) {
		return audiences.held(LocalDate.parse(parameters.day()), after);
	}

	@Override
	public List<Message> render(Digest parameters, String group) {
		return NoticeText.message(NoticeText.digest(ratingChanges.find(Audiences.changeIds(group))));
	}

	@Override
	public void planned(Digest parameters) {
		heldNotices.removeBefore(LocalDate.parse(parameters.day()));
	}

	@Override
	public Optional<DeliveryOrder> adopt(String id, Map<String, Object> stored) {
		return Optional.of(order(id, (String) stored.get("digestDay")));
	}

	/** In the send window of a new day, one digest of what was held before it (ordering it again does nothing). */
	@Override
	public void schedule(Instant now) {
		if (!window.isOpen(now)) {
			return;
		}
		LocalDate today = window.sendingDay(now);
		if (heldNotices.anyBefore(today)) {
			deliveries.order(order("digest-" + today, today.toString()));
		}
	}

	private DeliveryOrder order(String id, String day) {
		return DeliveryOrder.of(id, KIND, new Digest(day), CitizenWindow.NAME).withCap(properties.counted());
	}
}
