package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.users.LineUserId;

/**
 * An administrator's text to the followers of some topics (a segment), or to every citizen who follows anything;
 * now or at a time. It counts towards the daily cap but is never held by it.
 */
@Component
class AnnouncementDelivery implements DeliveryClient<AnnouncementDelivery.Announcement> {

	static final String KIND = "ANNOUNCEMENT";
	static final int MAX_LENGTH = 2000;

	private final Audiences audiences;
	private final Topics topics;
	private final NotifyProperties properties;

	AnnouncementDelivery(Audiences audiences, Topics topics, NotifyProperties properties) {
		this.audiences = audiences;
		this.topics = topics;
		this.properties = properties;
	}

	/** @param segment topic keys whose followers receive it; empty: every citizen who follows anything */
	record Announcement(List<String> segment, String text) {

		Announcement {
			segment = segment == null ? List.of() : List.copyOf(segment);
		}
	}

	/**
	 * @throws IllegalArgumentException for no text, a text over {@value #MAX_LENGTH} characters, or a topic that is
	 *         not one or names nothing that exists
	 */
	DeliveryOrder order(List<String> topicKeys, String text, Instant at, boolean urgent) {
		return order(UUID.randomUUID().toString(), topicKeys, text, at, urgent);
	}

	/** @param announcementId what makes the delivery's id: the same one orders the same delivery */
	DeliveryOrder order(String announcementId, List<String> topicKeys, String text, Instant at, boolean urgent) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text: an announcement needs a text");
		}
		if (text.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("text: at most " + MAX_LENGTH + " characters");
		}
		List<String> keys = topicKeys == null ? List.of() : topicKeys;
		for (String key : keys) {
			Topic topic = Topic.parse(key).orElseThrow(() -> new IllegalArgumentException("topics: '" + key
					+ "' is not a topic (city:…, theme:city/…, pillar:plan/…, department:city/…, measure:…)"));
			if (topics.label(topic).isEmpty()) {
				throw new IllegalArgumentException("topics: '" + key + "' names nothing that exists");
			}
		}
		return order("announcement-" + announcementId, new Announcement(keys, text.strip()), at, urgent);
	}

	private DeliveryOrder order(String id, Announcement announcement, Instant at, boolean urgent) {
		return DeliveryOrder.of(id, KIND, announcement, CitizenWindow.NAME).withUrgent(urgent).withNotBefore(at)
			.withCap(properties.counted());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<Announcement> parameterType() {
		return Announcement.class;
	}

	@Override
	public Stream<Recipient> recipients(Announcement parameters, LineUserId after) {
		return audiences.segment(parameters.segment(), after);
	}

	@Override
	public List<Message> render(Announcement parameters, String group) {
		return NoticeText.message(NoticeText.announcement(parameters.text()));
	}

	@Override
	public long estimatedRecipients(Announcement parameters) {
		return audiences.countSegment(parameters.segment());
	}

	@Override
	public Optional<DeliveryOrder> adopt(String id, Map<String, Object> stored) {
		Instant at = stored.get("notBefore") instanceof java.util.Date date ? date.toInstant() : null;
		return Optional.of(order(id, new Announcement(LegacyNotifications.strings(stored.get("segment")), (String) stored.get("text")), at,
				Boolean.TRUE.equals(stored.get("urgent"))));
	}
}
