package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.plan.RatingChanges;

/**
 * What administrators do with notifications: see each delivery's recipients and batches, preview (dry run) who
 * a change or an announcement would reach, announce to a segment now or later, mark a change urgent, resume
 * what waits for the quota, cancel a scheduled announcement.
 */
@Service
public class Deliveries {

	static final int MAX_ANNOUNCEMENT_LENGTH = 2000;

	private final MongoTemplate mongo;
	private final Planner planner;
	private final Dispatcher dispatcher;
	private final Senders senders;
	private final RatingChanges ratingChanges;
	private final Topics topics;
	private final QuotaPause quota;
	private final Clock clock;

	Deliveries(MongoTemplate mongo, Planner planner, Dispatcher dispatcher, Senders senders, RatingChanges ratingChanges,
			Topics topics, QuotaPause quota, Clock clock) {
		this.mongo = mongo;
		this.planner = planner;
		this.dispatcher = dispatcher;
		this.senders = senders;
		this.ratingChanges = ratingChanges;
		this.topics = topics;
		this.quota = quota;
		this.clock = clock;
	}

	public List<DeliveryReport> recent(int limit) {
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Delivery.class)
			.stream()
			.map(this::report)
			.toList();
	}

	public Optional<DeliveryReport> find(String deliveryId) {
		return Optional.ofNullable(mongo.findById(deliveryId, Delivery.class)).map(this::report);
	}

	/** The delivery that took a rating change; empty while the change still waits (or does not exist). */
	public Optional<DeliveryReport> ofChange(String changeId) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("changeIds").is(changeId)), Delivery.class))
			.map(this::report);
	}

	/** Who a rating change reaches, without sending anything; empty when there is no such change. */
	public Optional<Preview> previewChange(String changeId) {
		return ratingChanges.find(changeId).map(change -> planner.preview(Delivery.of("preview", Delivery.Kind.CHANGES,
				List.of(change.id()), List.of(), null, change.urgent(), clock.instant(), null, clock.instant())));
	}

	public Preview previewAnnouncement(List<String> topicKeys, String text) {
		return planner.preview(announcement("preview", topicKeys, text, false, clock.instant()));
	}

	/**
	 * Sends a text to the followers of the topics (everyone who follows anything when none), at {@code at} or
	 * now; urgent ones go out outside the send window too.
	 */
	public DeliveryReport announce(List<String> topicKeys, String text, Instant at, boolean urgent) {
		Instant when = at == null ? clock.instant() : at;
		Delivery delivery = announcement("announcement-" + UUID.randomUUID(), topicKeys, text, urgent, when);
		mongo.insert(delivery);
		dispatcher.wake();
		return report(delivery);
	}

	/** @return false when there is no such change */
	public boolean markUrgent(String changeId) {
		if (!ratingChanges.markUrgent(changeId)) {
			return false;
		}
		Delivery delivery = mongo.findOne(Query.query(where("changeIds").is(changeId)), Delivery.class);
		if (delivery != null) {
			mongo.updateFirst(Query.query(where("_id").is(delivery.id())), Update.update("urgent", true), Delivery.class);
			mongo.updateMulti(Query.query(where("deliveryId").is(delivery.id()).and("done").is(false)),
					Update.update("urgent", true), Chunk.class);
		}
		dispatcher.wake();
		senders.wake();
		return true;
	}

	/** Lets a delivery that waits for a decision (the quota) go out; false when it does not wait. */
	public boolean resume(String deliveryId) {
		boolean resumed = mongo.updateFirst(Query.query(where("_id").is(deliveryId).and("state").is(Delivery.State.PAUSED)),
				new Update().set("state", Delivery.State.PLANNING).set("pauseReason", "resumed by an administrator"),
				Delivery.class).getModifiedCount() > 0;
		dispatcher.wake();
		return resumed;
	}

	/** Withdraws a delivery that has not started; false when it has (or does not exist). */
	public boolean cancel(String deliveryId) {
		return mongo.updateFirst(Query.query(where("_id").is(deliveryId).and("chunks").is(0)
			.and("state").in(Delivery.State.PLANNING, Delivery.State.PAUSED)),
				Update.update("state", Delivery.State.CANCELLED), Delivery.class).getModifiedCount() > 0;
	}

	/** Why sending is paused for the whole channel (LINE's monthly quota), if it is. */
	public Optional<String> quotaPause() {
		return quota.current().map(p -> p.reason() + " (until " + p.until() + ")");
	}

	public void resumeAfterQuota() {
		quota.resume();
		senders.wake();
	}

	private Delivery announcement(String id, List<String> topicKeys, String text, boolean urgent, Instant at) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text: an announcement needs a text");
		}
		if (text.length() > MAX_ANNOUNCEMENT_LENGTH) {
			throw new IllegalArgumentException("text: at most " + MAX_ANNOUNCEMENT_LENGTH + " characters");
		}
		List<String> keys = topicKeys == null ? List.of() : topicKeys;
		for (String key : keys) {
			Topic topic = Topic.parse(key).orElseThrow(() -> new IllegalArgumentException("topics: '" + key
					+ "' is not a topic (city:…, theme:city/…, pillar:plan/…, department:city/…, measure:…)"));
			if (topics.label(topic).isEmpty()) {
				throw new IllegalArgumentException("topics: '" + key + "' names nothing that exists");
			}
		}
		Instant now = clock.instant();
		return Delivery.of(id, Delivery.Kind.ANNOUNCEMENT, List.of(), keys, text.strip(), urgent, at, null, now);
	}

	private DeliveryReport report(Delivery delivery) {
		Query query = Query.query(where("deliveryId").is(delivery.id()));
		query.fields().include("batches.status").include("batches.recipients").include("batches.error");
		int pending = 0;
		int sent = 0;
		int failed = 0;
		long recipientsSent = 0;
		long recipientsFailed = 0;
		Set<String> errors = new LinkedHashSet<>();
		for (Document chunk : mongo.find(query, Document.class, mongo.getCollectionName(Chunk.class))) {
			for (Document batch : chunk.getList("batches", Document.class, List.of())) {
				int recipients = batch.getInteger("recipients", 0);
				switch (Batch.Status.valueOf(batch.getString("status"))) {
					case PENDING -> pending++;
					case SENT -> {
						sent++;
						recipientsSent += recipients;
					}
					case FAILED -> {
						failed++;
						recipientsFailed += recipients;
					}
				}
				if (batch.getString("error") != null && errors.size() < 5) {
					errors.add(batch.getString("error"));
				}
			}
		}
		return new DeliveryReport(delivery.id(), delivery.kind().name(), delivery.changeIds(), delivery.segment(),
				delivery.text(), delivery.urgent(), delivery.notBefore(), delivery.state().name(), delivery.pauseReason(),
				delivery.recipients(), delivery.held(), pending, sent, failed, recipientsSent, recipientsFailed,
				new ArrayList<>(errors), delivery.createdAt(), delivery.plannedAt());
	}
}
