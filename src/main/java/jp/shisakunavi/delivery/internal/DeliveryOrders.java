package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.DeliveryPreview;
import jp.shisakunavi.delivery.DeliveryState;
import jp.shisakunavi.delivery.DeliveryStatus;

/** Deliveries as they are stored, and what is done with them. */
@Service
class DeliveryOrders implements Deliveries {

	private final MongoTemplate mongo;
	private final Clients clients;
	private final Windows windows;
	private final Planner planner;
	private final Planning planning;
	private final Senders senders;
	private final QuotaPause quota;
	private final Clock clock;

	DeliveryOrders(MongoTemplate mongo, Clients clients, Windows windows, Planner planner, Planning planning,
			Senders senders, QuotaPause quota, Clock clock) {
		this.mongo = mongo;
		this.clients = clients;
		this.windows = windows;
		this.planner = planner;
		this.planning = planning;
		this.senders = senders;
		this.quota = quota;
		this.clock = clock;
	}

	@Override
	public DeliveryStatus order(DeliveryOrder order) {
		windows.get(order.window());
		Delivery delivery = Delivery.of(order, clients.write(order), clock.instant());
		try {
			mongo.insert(delivery);
		}
		catch (DuplicateKeyException orderedBefore) {
			delivery = mongo.findById(order.id(), Delivery.class);
		}
		planning.wake();
		return status(delivery, quota.current());
	}

	@Override
	public Optional<DeliveryStatus> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Delivery.class)).map(d -> status(d, quota.current()));
	}

	@Override
	public List<DeliveryStatus> recent(int limit) {
		Optional<QuotaPause.Paused> paused = quota.current();
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Delivery.class)
			.stream()
			.map(d -> status(d, paused))
			.toList();
	}

	@Override
	public DeliveryPreview preview(DeliveryOrder order) {
		windows.get(order.window());
		return planner.preview(Delivery.of(order, clients.write(order), clock.instant()));
	}

	@Override
	public boolean markUrgent(String id) {
		if (mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("urgent", true), Delivery.class)
			.getMatchedCount() == 0) {
			return false;
		}
		mongo.updateMulti(Query.query(where("deliveryId").is(id).and("done").is(false)), Update.update("urgent", true),
				Chunk.class);
		planning.wake();
		senders.wake();
		return true;
	}

	@Override
	public boolean resume(String id) {
		boolean resumed = mongo.updateFirst(Query.query(where("_id").is(id).and("state").is(Delivery.State.PAUSED)),
				new Update().set("state", Delivery.State.PLANNING).set("pauseReason", "resumed by an administrator"),
				Delivery.class).getModifiedCount() > 0;
		planning.wake();
		return resumed;
	}

	@Override
	public boolean cancel(String id) {
		Instant now = clock.instant();
		if (mongo.updateFirst(Query.query(where("_id").is(id)
			.and("state").in(Delivery.State.PLANNING, Delivery.State.PLANNED, Delivery.State.PAUSED)),
				new Update().set("state", Delivery.State.CANCELLED).set("finishedAt", now), Delivery.class)
			.getModifiedCount() == 0) {
			return false;
		}
		for (Chunk chunk : mongo.find(Query.query(where("deliveryId").is(id).and("done").is(false)), Chunk.class)) {
			mongo.updateFirst(Query.query(where("_id").is(chunk.id()).and("done").is(false).and("leaseUntil").lt(now)),
					chunk.cancel(new Update(), 0), Chunk.class);
		}
		planner.forgetCheckpoints(id);
		return true;
	}

	@Override
	public Optional<String> quotaPause() {
		return quota.current().map(p -> p.reason() + " (until " + p.until() + ")");
	}

	@Override
	public void resumeAfterQuota() {
		quota.resume();
		senders.wake();
	}

	@Override
	public void wake() {
		planning.wake();
	}

	/** @param paused sending paused for the whole channel (LINE's monthly quota), read once for a whole list */
	private DeliveryStatus status(Delivery delivery, Optional<QuotaPause.Paused> paused) {
		Query query = Query.query(where("deliveryId").is(delivery.id()));
		query.fields().include("batches.status").include("batches.recipients").include("batches.error");
		int pending = 0;
		int sent = 0;
		int failed = 0;
		int cancelled = 0;
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
					case CANCELLED -> cancelled++;
				}
				if (batch.getString("error") != null && errors.size() < 5) {
					errors.add(batch.getString("error"));
				}
			}
		}
		if (delivery.state() == Delivery.State.CANCELLED) {
			// a sender that had one of its chunks when it was cancelled closes it before its next batch
			cancelled += pending;
			pending = 0;
		}
		String pauseReason = delivery.pauseReason() == null && paused.isPresent() && !finished(delivery)
				? paused.get().reason() : delivery.pauseReason();
		return new DeliveryStatus(delivery.id(), delivery.kind(), clients.read(delivery), state(delivery, paused),
				delivery.window(), delivery.urgent(), delivery.notBefore(), pauseReason, delivery.recipients(),
				delivery.held(), pending, sent, failed, cancelled, recipientsSent, recipientsFailed,
				new ArrayList<>(errors), delivery.createdAt(), delivery.plannedAt(), delivery.finishedAt());
	}

	private DeliveryState state(Delivery delivery, Optional<QuotaPause.Paused> quotaPause) {
		Instant now = clock.instant();
		return switch (delivery.state()) {
			case SENT -> DeliveryState.SENT;
			case FAILED -> DeliveryState.FAILED;
			case CANCELLED -> DeliveryState.CANCELLED;
			case PAUSED -> DeliveryState.PAUSED;
			case PLANNING, PLANNED -> quotaPause.isPresent() ? DeliveryState.PAUSED
					: delivery.notBefore() != null && delivery.notBefore().isAfter(now) ? DeliveryState.PLANNED
					: !delivery.urgent() && !windows.isOpen(delivery.window(), now) ? DeliveryState.HELD
					: DeliveryState.SENDING;
		};
	}

	private static boolean finished(Delivery delivery) {
		return delivery.state() == Delivery.State.SENT || delivery.state() == Delivery.State.FAILED
				|| delivery.state() == Delivery.State.CANCELLED;
	}
}
