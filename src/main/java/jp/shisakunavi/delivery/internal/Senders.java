package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shisakunavi.system.EmbeddedMongo;
import jp.shisakunavi.system.LineCredentials;
import jp.shisakunavi.system.WorkerPools;

/**
 * Threads that send what planning wrote: each claims a chunk whose window is open (or that is urgent) with a
 * lease (a conditional update, so two instances never send the same chunk), sends its batches with their retry
 * keys, records each batch's outcome, and gives the chunk back — done, or due again after an exponential backoff
 * with jitter. A crashed sender's chunk is taken over when its lease runs out; LINE's 409 for a retry key it
 * already accepted counts as sent, so nobody gets a message twice. A cancelled delivery's chunk stops before its
 * next batch.
 */
@Component
class Senders implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Senders.class);
	private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
	private static final Duration LINE_MISSING_PAUSE = Duration.ofMinutes(1);

	private final String owner = "sender-" + UUID.randomUUID();
	private final MongoTemplate mongo;
	private final Multicasts multicasts;
	private final SimulatorChannel simulator;
	private final QuotaPause quota;
	private final Windows windows;
	private final Completion completion;
	private final LineCredentials line;
	private final DeliveryProperties properties;
	private final Clock clock;
	private final MeterRegistry meters;
	private final EmbeddedMongo database;
	private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
	private final Workers workers;

	Senders(MongoTemplate mongo, Multicasts multicasts, SimulatorChannel simulator, QuotaPause quota, Windows windows,
			Completion completion, LineCredentials line, DeliveryProperties properties, Clock clock,
			MeterRegistry meters, EmbeddedMongo database, WorkerPools pools) {
		this.mongo = mongo;
		this.multicasts = multicasts;
		this.simulator = simulator;
		this.quota = quota;
		this.windows = windows;
		this.completion = completion;
		this.line = line;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.database = database;
		this.workers = new Workers("delivery-send", properties.senders(), properties.pollInterval(), () -> {
			Chunk chunk = claim();
			if (chunk != null) {
				send(chunk);
			}
			return chunk != null;
		}, pools);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		workers.start();
	}

	/** New chunks were written, or a delivery became urgent: look now rather than at the next poll. */
	void wake() {
		workers.wake();
	}

	/** Takes one chunk that is due, urgent or in its open window, and not leased by a live sender. */
	private Chunk claim() {
		Instant now = clock.instant();
		if (quota.pausedAt(now)) {
			return null;
		}
		Criteria due = where("done").is(false).and("nextAttemptAt").lte(now).and("leaseUntil").lt(now)
			.orOperator(where("urgent").is(true), where("window").in(windows.openAt(now)));
		List<Chunk> candidates = mongo.find(Query.query(due).with(Sort.by("urgent").descending().and(Sort.by("_id"))).limit(8),
				Chunk.class);
		for (Chunk candidate : candidates) {
			Query free = Query.query(where("_id").is(candidate.id()).and("done").is(false).and("leaseUntil").lt(now));
			if (mongo.updateFirst(free, new Update().set("leaseOwner", owner).set("leaseUntil", now.plus(properties.lease())),
					Chunk.class).getModifiedCount() == 1) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Sends the chunk's pending batches and records their outcomes in one write at the end (or when it stops
	 * early): a crash in between only means that the batches are sent again with the same retry keys, which LINE
	 * answers with 409 and executes once.
	 */
	private void send(Chunk chunk) {
		// What led to these messages (the change, the delivery, this chunk and its retry keys) must survive a
		// crash before LINE is asked: planned again after a loss, it would go out under new keys, so twice.
		database.flush();
		Update outcomes = new Update();
		List<Batch> batches = chunk.batches();
		for (int i = 0; i < batches.size(); i++) {
			Batch batch = batches.get(i);
			if (batch.status() != Batch.Status.PENDING) {
				continue;
			}
			if (cancelled(chunk.deliveryId())) {
				finish(chunk, chunk.cancel(outcomes, i));
				log.info("Stopped sending delivery {}: it was cancelled", chunk.deliveryId());
				return;
			}
			if (batch.channel() == Batch.Channel.LINE && !line.configured()) {
				log.warn("Messages for LINE users wait: no LINE channel is configured");
				finish(chunk, outcomes.set("nextAttemptAt", clock.instant().plus(LINE_MISSING_PAUSE)));
				return;
			}
			Instant attemptAt = clock.instant();
			Instant first = batch.firstAttemptAt() == null ? attemptAt : batch.firstAttemptAt();
			Multicasts.Outcome outcome = batch.channel() == Batch.Channel.SIMULATOR ? deliverToSimulator(chunk, i, batch)
					: multicasts.send(batch.retryKey(), messages(batch.messageId()), batch.userIds());
			String path = "batches." + i + ".";
			outcomes.set(path + "firstAttemptAt", first).set(path + "attempts", batch.attempts() + 1);
			switch (outcome) {
				case Multicasts.Outcome.Sent sent -> {
					outcomes.set(path + "status", Batch.Status.SENT).set(path + "sentAt", clock.instant())
						.set(path + "userIds", List.of());
					meters.counter("shisaku.delivery.batches", "outcome", "sent").increment();
					meters.counter("shisaku.delivery.recipients").increment(batch.recipients());
				}
				case Multicasts.Outcome.Failed failed -> {
					outcomes.set(path + "status", Batch.Status.FAILED).set(path + "error", failed.reason())
						.set(path + "userIds", List.of());
					meters.counter("shisaku.delivery.batches", "outcome", "failed").increment();
					log.warn("A batch of delivery {} failed for good: {}", chunk.deliveryId(), failed.reason());
				}
				case Multicasts.Outcome.Retry retry -> {
					if (Duration.between(first, attemptAt).compareTo(properties.giveUpAfter()) > 0) {
						outcomes.set(path + "status", Batch.Status.FAILED)
							.set(path + "error", "gave up after " + properties.giveUpAfter() + ": " + retry.reason())
							.set(path + "userIds", List.of());
						continue;
					}
					outcomes.set(path + "error", retry.reason());
					meters.counter("shisaku.delivery.batches", "outcome", "retry").increment();
					Instant next = clock.instant().plus(backoff(properties.retryBackoff(), batch.attempts() + 1));
					finish(chunk, outcomes.set("nextAttemptAt", next));
					return;
				}
				case Multicasts.Outcome.QuotaExhausted exhausted -> {
					outcomes.set(path + "error", exhausted.reason()).set(path + "attempts", batch.attempts());
					quota.pause(exhausted.reason());
					finish(chunk, outcomes);
					return;
				}
			}
		}
		finish(chunk, outcomes.set("done", true));
	}

	private boolean cancelled(String deliveryId) {
		return mongo.exists(Query.query(where("_id").is(deliveryId).and("state").is(Delivery.State.CANCELLED)),
				Delivery.class);
	}

	/**
	 * Writes the outcomes and gives the chunk back; only the outcomes if another sender took it over meanwhile.
	 * A chunk closed for good may have been its delivery's last.
	 */
	private void finish(Chunk chunk, Update outcomes) {
		Document fields = new Document(outcomes.getUpdateObject().get("$set", Document.class));
		if (mongo.updateFirst(Query.query(where("_id").is(chunk.id()).and("leaseOwner").is(owner)),
				outcomes.set("leaseUntil", Instant.EPOCH), Chunk.class).getMatchedCount() == 0) {
			fields.remove("done");
			fields.remove("nextAttemptAt");
			if (!fields.isEmpty()) {
				mongo.updateFirst(Query.query(where("_id").is(chunk.id())), Update.fromDocument(new Document("$set", fields)),
						Chunk.class);
			}
			return;
		}
		if (Boolean.TRUE.equals(fields.get("done"))) {
			completion.check(chunk.deliveryId());
		}
	}

	private Multicasts.Outcome deliverToSimulator(Chunk chunk, int index, Batch batch) {
		simulator.deliver(chunk.id() + "#" + index, batch.userIds(), messageJson(batch.messageId()));
		return new Multicasts.Outcome.Sent();
	}

	/** 2 s, 4 s, 8 s … up to 10 minutes, each between half and the whole of it so that retries spread out. */
	static Duration backoff(Duration first, int attempt) {
		long exponential = first.toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	private List<Message> messages(String messageId) {
		if (messages.size() > 1000) {
			messages.clear();
		}
		return messages.computeIfAbsent(messageId, id -> MessageJson.read(messageJson(id)));
	}

	private String messageJson(String messageId) {
		DeliveryMessage message = mongo.findById(messageId, DeliveryMessage.class);
		if (message == null) {
			throw new IllegalStateException("Delivery message " + messageId + " is missing");
		}
		return message.json();
	}

	@Override
	public void destroy() throws InterruptedException {
		workers.stop();
	}
}
