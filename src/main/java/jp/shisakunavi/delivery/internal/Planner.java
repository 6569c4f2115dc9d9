package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import jp.shisakunavi.delivery.DeliveryPreview;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.system.LineCredentials;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;
import jp.shisakunavi.users.Reachability;

/**
 * Writes a delivery's recipients into chunks of batches: streamed from its client in user id order, without
 * those who blocked the account, grouped by the message they get, held back where their daily cap is reached,
 * counted for the cap, with the delivery's checkpoint advanced after each chunk. Planning the same delivery again
 * (after a crash, or on another instance) continues after the last chunk written and writes nothing twice.
 */
@Component
class Planner {

	static final int CHUNK_USERS = 5000;
	static final int BATCH_USERS = 500;
	private static final Logger log = LoggerFactory.getLogger(Planner.class);

	private final MongoTemplate mongo;
	private final Clients clients;
	private final Windows windows;
	private final LineUsers users;
	private final DailyCounts dailyCounts;
	private final Multicasts multicasts;
	private final Senders senders;
	private final Completion completion;
	private final LineCredentials line;
	private final DeliveryProperties properties;
	private final Clock clock;
	private final MeterRegistry meters;

	Planner(MongoTemplate mongo, Clients clients, Windows windows, LineUsers users, DailyCounts dailyCounts,
			Multicasts multicasts, Senders senders, Completion completion, LineCredentials line,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.clients = clients;
		this.windows = windows;
		this.users = users;
		this.dailyCounts = dailyCounts;
		this.multicasts = multicasts;
		this.senders = senders;
		this.completion = completion;
		this.line = line;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Plans the delivery to the end; returns without writing when it must wait (quota).
	 *
	 * @param heartbeat called after each chunk, to keep the planning lease while a large delivery is written; when
	 *        it answers false, the lease is another instance's and planning stops (that instance resumes it from
	 *        the last chunk written)
	 */
	void plan(Delivery delivery, BooleanSupplier heartbeat) {
		Delivery current = delivery;
		while (current != null && current.state() == Delivery.State.PLANNING) {
			try {
				write(current, heartbeat);
				return;
			}
			catch (ChunkAlreadyWritten resume) {
				current = mongo.findById(current.id(), Delivery.class);
			}
		}
	}

	/** Who would receive a delivery, without writing anything (dry run). */
	DeliveryPreview preview(Delivery delivery) {
		Clients.Bound<?> client = clients.bind(delivery);
		long sendNow = 0;
		long held = 0;
		long lineUsers = 0;
		List<String> sample = new ArrayList<>();
		LocalDate day = windows.get(delivery.window()).sendingDay(clock.instant());
		try (Stream<Recipient> recipients = client.recipients(LineUserId.START);
				Reachability reachability = users.reachability(LineUserId.START);
				DailyCounts.Counter counter = counter(delivery, day)) {
			for (Recipient r : (Iterable<Recipient>) recipients::iterator) {
				if (!reachability.reachable(r.userId())) {
					continue;
				}
				if (delivery.holdsOverCap() && counter.count(r.userId()) >= delivery.cap().limit()) {
					held++;
				}
				else {
					sendNow++;
				}
				lineUsers += Batch.Channel.of(r.userId()) == Batch.Channel.LINE ? 1 : 0;
				if (sample.size() < 5) {
					sample.add(r.userId().toString());
				}
			}
		}
		return new DeliveryPreview(sendNow + held, sendNow, held, lineUsers, sendNow + held - lineUsers, sample);
	}

	private void write(Delivery delivery, BooleanSupplier heartbeat) {
		Clients.Bound<?> client = clients.bind(delivery);
		if (delivery.chunks() == 0 && delivery.pauseReason() == null && !quotaCovers(delivery, client)) {
			return;
		}
		LocalDate day = windows.get(delivery.window()).sendingDay(clock.instant());
		List<Recipient> sending = new ArrayList<>();
		List<Recipient> held = new ArrayList<>();
		Set<String> storedMessages = new HashSet<>();
		int number = delivery.chunks();
		LineUserId after = new LineUserId(delivery.plannedUpTo());
		LineUserId last = after;
		try (Stream<Recipient> recipients = client.recipients(after);
				Reachability reachability = users.reachability(after);
				DailyCounts.Counter counter = counter(delivery, day)) {
			for (Recipient r : (Iterable<Recipient>) recipients::iterator) {
				if (r.userId().compareTo(last) <= 0) {
					throw new IllegalStateException("Delivery client " + delivery.kind() + " gave recipients out of "
							+ "ascending id order (or one twice): " + r.userId() + " after " + last);
				}
				last = r.userId();
				if (!reachability.reachable(r.userId())) {
					continue;
				}
				if (delivery.holdsOverCap() && counter.count(r.userId()) >= delivery.cap().limit()) {
					held.add(r);
					meters.counter("shisaku.delivery.held", "kind", delivery.kind()).increment();
				}
				else {
					sending.add(r);
					if (counter != null) {
						counter.add(r.userId());
					}
				}
				if (sending.size() + held.size() >= CHUNK_USERS) {
					boolean goOn = flush(delivery, client, number++, last, sending, held, day, storedMessages);
					sending.clear();
					held.clear();
					senders.wake();
					if (!goOn) {
						return;
					}
					if (!heartbeat.getAsBoolean()) {
						log.warn("Stopped planning delivery {}: another instance holds the planning lease", delivery.id());
						return;
					}
				}
			}
			if ((!sending.isEmpty() || !held.isEmpty())
					&& !flush(delivery, client, number, last, sending, held, day, storedMessages)) {
				return;
			}
		}
		client.planned();
		mongo.updateFirst(Query.query(where("_id").is(delivery.id()).and("state").is(Delivery.State.PLANNING)),
				new Update().set("state", Delivery.State.PLANNED).set("plannedAt", clock.instant()), Delivery.class);
		forgetCheckpoints(delivery.id());
		completion.check(delivery.id());
		Delivery done = mongo.findById(delivery.id(), Delivery.class);
		log.info("Delivery {} planned: {} recipients in {} chunks, {} held by their daily cap", delivery.id(),
				done == null ? 0 : done.recipients(), done == null ? 0 : done.chunks(), done == null ? 0 : done.held());
	}

	/**
	 * Writes one chunk: the messages of its groups, the recipients held back (handed to the client first, which
	 * keeps them idempotently, so that a crash before the chunk is written loses none), the chunk, the checkpoint.
	 *
	 * @return false when the delivery is no longer being planned (cancelled or paused meanwhile): nothing is written
	 */
	private boolean flush(Delivery delivery, Clients.Bound<?> client, int number, LineUserId last,
			List<Recipient> sending, List<Recipient> held, LocalDate day, Set<String> storedMessages) {
		// read again: an administrator may have cancelled it or marked it urgent while it was being planned
		Query self = Query.query(where("_id").is(delivery.id()));
		self.fields().include("state").include("urgent");
		org.bson.Document now = mongo.findOne(self, org.bson.Document.class, mongo.getCollectionName(Delivery.class));
		if (now == null || !Delivery.State.PLANNING.name().equals(now.getString("state"))) {
			log.info("Stopped planning delivery {}: it is {}", delivery.id(), now == null ? "gone" : now.getString("state"));
			return false;
		}
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (Recipient r : sending) {
			groups.computeIfAbsent(Batch.Channel.of(r.userId()) + "|" + r.group(), g -> new ArrayList<>())
				.add(r.userId().value());
		}
		List<Batch> batches = new ArrayList<>();
		String chunkId = Chunk.id(delivery.id(), number);
		groups.forEach((key, userIds) -> {
			String group = key.substring(key.indexOf('|') + 1);
			String messageId = delivery.id() + ":" + UUID.nameUUIDFromBytes(group.getBytes(StandardCharsets.UTF_8));
			if (storedMessages.add(messageId)) {
				storeMessage(new DeliveryMessage(messageId, delivery.id(), MessageJson.write(client.render(group))));
			}
			Batch.Channel channel = Batch.Channel.valueOf(key.substring(0, key.indexOf('|')));
			for (int from = 0; from < userIds.size(); from += BATCH_USERS) {
				List<String> part = userIds.subList(from, Math.min(userIds.size(), from + BATCH_USERS));
				batches.add(new Batch(retryKey(chunkId, batches.size()), messageId, channel, part, part.size(),
						Batch.Status.PENDING, 0, null, null, null));
			}
		});
		if (!held.isEmpty()) {
			client.held(day, List.copyOf(held));
		}
		Instant at = clock.instant();
		Chunk chunk = new Chunk(chunkId, delivery.id(), number, delivery.window(), now.getBoolean("urgent", false), batches,
				last.value(), at, null, Instant.EPOCH, batches.isEmpty(), false, at);
		try {
			mongo.insert(chunk);
		}
		catch (DuplicateKeyException e) {
			Chunk stored = mongo.findById(chunk.id(), Chunk.class);
			mongo.updateFirst(Query.query(where("_id").is(delivery.id())), new Update()
				.set("plannedUpTo", stored == null ? last.value() : stored.lastUserId()).set("chunks", number + 1),
					Delivery.class);
			throw new ChunkAlreadyWritten();
		}
		mongo.updateFirst(Query.query(where("_id").is(delivery.id())), new Update().set("plannedUpTo", last.value())
			.set("chunks", number + 1).inc("recipients", sending.size()).inc("held", held.size()), Delivery.class);
		return true;
	}

	/**
	 * The last user written is kept only while a delivery is being planned (to resume after a crash): it is a LINE
	 * user id, which is personal data, and an erased user's must not stay behind.
	 */
	void forgetCheckpoints(String deliveryId) {
		mongo.updateMulti(Query.query(where("deliveryId").is(deliveryId)), new Update().unset("lastUserId"), Chunk.class);
		mongo.updateFirst(Query.query(where("_id").is(deliveryId).and("state").ne(Delivery.State.PLANNING)),
				new Update().set("plannedUpTo", ""), Delivery.class);
	}

	/**
	 * Derived from the chunk and the batch's place in it, so that a chunk written again after the embedded
	 * database lost its last writes in a crash carries the same keys, and LINE still sends each batch once.
	 */
	private static String retryKey(String chunkId, int batch) {
		return UUID.nameUUIDFromBytes((chunkId + "#" + batch).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private void storeMessage(DeliveryMessage message) {
		try {
			mongo.insert(message);
		}
		catch (DuplicateKeyException alreadyStored) {
			// planned before a restart: the same group has the same message
		}
	}

	/** Large deliveries first check that LINE's monthly quota covers them; otherwise they wait for an admin. */
	private boolean quotaCovers(Delivery delivery, Clients.Bound<?> client) {
		if (!line.configured()) {
			return true;
		}
		long recipients = client.estimatedRecipients();
		if (recipients < properties.quotaCheckFrom()) {
			return true;
		}
		OptionalLong remaining = multicasts.remainingQuota();
		if (remaining.isEmpty() || remaining.getAsLong() >= recipients) {
			return true;
		}
		String reason = "LINE's monthly quota has " + remaining.getAsLong() + " messages left, the delivery needs "
				+ recipients;
		mongo.updateFirst(Query.query(where("_id").is(delivery.id())),
				new Update().set("state", Delivery.State.PAUSED).set("pauseReason", reason), Delivery.class);
		log.warn("Delivery {} paused: {}", delivery.id(), reason);
		return false;
	}

	/** Null for a delivery that is not counted (try-with-resources skips it). */
	private DailyCounts.Counter counter(Delivery delivery, LocalDate day) {
		return delivery.cap() == null ? null : dailyCounts.counter(delivery.cap().counter(), day);
	}

	/** Another planner (or a run before a crash) wrote this chunk already: continue after it. */
	private static final class ChunkAlreadyWritten extends RuntimeException {
		ChunkAlreadyWritten() {
			super(null, null, false, false);
		}
	}
}
