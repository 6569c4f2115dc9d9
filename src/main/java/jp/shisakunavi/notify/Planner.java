package jp.shisakunavi.notify;

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
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Metrics;

import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;
import jp.shisakunavi.system.LineCredentials;
import jp.shisakunavi.system.UserIds;

/**
 * Writes a delivery's recipients into chunks of batches: streamed in user id order, grouped by the message they
 * get, held back where the daily cap is reached, counted for the cap, with the delivery's checkpoint advanced
 * after each chunk. Planning the same delivery again (after a crash, or on another instance) continues after
 * the last chunk written and writes nothing twice.
 */
@Component
class Planner {

	static final int CHUNK_USERS = 5000;
	static final int BATCH_USERS = 500;
	private static final Logger log = LoggerFactory.getLogger(Planner.class);

	private final MongoTemplate mongo;
	private final Audiences audiences;
	private final RatingChanges ratingChanges;
	private final DailyCounts dailyCounts;
	private final HeldNotices heldNotices;
	private final Multicasts multicasts;
	private final Senders senders;
	private final LineCredentials line;
	private final NotifyProperties properties;
	private final SendWindow window;
	private final Clock clock;

	Planner(MongoTemplate mongo, Audiences audiences, RatingChanges ratingChanges, DailyCounts dailyCounts,
			HeldNotices heldNotices, Multicasts multicasts, Senders senders, LineCredentials line,
			NotifyProperties properties, SendWindow window, Clock clock) {
		this.mongo = mongo;
		this.audiences = audiences;
		this.ratingChanges = ratingChanges;
		this.dailyCounts = dailyCounts;
		this.heldNotices = heldNotices;
		this.multicasts = multicasts;
		this.senders = senders;
		this.line = line;
		this.properties = properties;
		this.window = window;
		this.clock = clock;
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
	Preview preview(Delivery delivery) {
		Audience audience = audience(delivery);
		long sendNow = 0;
		long held = 0;
		long lineUsers = 0;
		List<String> sample = new ArrayList<>();
		try (Stream<Recipient> recipients = audience.recipients("");
				DailyCounts.Counter counter = dailyCounts.counter(window.sendingDay(clock.instant()))) {
			for (Recipient r : (Iterable<Recipient>) recipients::iterator) {
				if (capped(delivery) && counter.count(r.userId()) >= properties.dailyCap()) {
					held++;
				}
				else {
					sendNow++;
				}
				lineUsers += r.channel() == Batch.Channel.LINE ? 1 : 0;
				if (sample.size() < 5) {
					sample.add(UserIds.masked(r.userId()));
				}
			}
		}
		return new Preview(sendNow + held, sendNow, held, lineUsers, sendNow + held - lineUsers, sample,
				audience.sampleText());
	}

	private void write(Delivery delivery, BooleanSupplier heartbeat) {
		Audience audience = audience(delivery);
		if (delivery.chunks() == 0 && delivery.pauseReason() == null && !quotaCovers(delivery, audience)) {
			return;
		}
		LocalDate day = window.sendingDay(clock.instant());
		List<Recipient> sending = new ArrayList<>();
		List<HeldNotices.Held> held = new ArrayList<>();
		Set<String> storedMessages = new HashSet<>();
		int number = delivery.chunks();
		String last = delivery.plannedUpTo();
		try (Stream<Recipient> recipients = audience.recipients(delivery.plannedUpTo());
				DailyCounts.Counter counter = dailyCounts.counter(day)) {
			for (Recipient r : (Iterable<Recipient>) recipients::iterator) {
				if (capped(delivery) && counter.count(r.userId()) >= properties.dailyCap()) {
					held.add(new HeldNotices.Held(r.userId(), r.changeIds()));
					Metrics.counter("shisaku.notify.held").increment();
				}
				else {
					sending.add(r);
					if (counting()) {
						counter.add(r.userId());
					}
				}
				last = r.userId();
				if (sending.size() + held.size() >= CHUNK_USERS) {
					flush(delivery, audience, number++, last, sending, held, day, storedMessages);
					sending.clear();
					held.clear();
					senders.wake();
					if (!heartbeat.getAsBoolean()) {
						log.warn("Stopped planning delivery {}: another instance holds the planning lease", delivery.id());
						return;
					}
				}
			}
			if (!sending.isEmpty() || !held.isEmpty()) {
				flush(delivery, audience, number, last, sending, held, day, storedMessages);
			}
		}
		mongo.updateFirst(Query.query(where("_id").is(delivery.id()).and("state").is(Delivery.State.PLANNING)),
				new Update().set("state", Delivery.State.PLANNED).set("plannedAt", clock.instant()), Delivery.class);
		if (delivery.kind() == Delivery.Kind.DIGEST) {
			heldNotices.removeBefore(LocalDate.parse(delivery.digestDay()));
		}
		Delivery done = mongo.findById(delivery.id(), Delivery.class);
		log.info("Delivery {} planned: {} recipients in {} chunks, {} held for the digest", delivery.id(),
				done == null ? 0 : done.recipients(), done == null ? 0 : done.chunks(), done == null ? 0 : done.held());
	}

	private void flush(Delivery delivery, Audience audience, int number, String lastUserId, List<Recipient> sending,
			List<HeldNotices.Held> held, LocalDate day, Set<String> storedMessages) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (Recipient r : sending) {
			groups.computeIfAbsent(r.channel() + "|" + String.join(",", r.changeIds()), g -> new ArrayList<>()).add(r.userId());
		}
		List<Batch> batches = new ArrayList<>();
		groups.forEach((group, users) -> {
			String changes = group.substring(group.indexOf('|') + 1);
			String messageId = delivery.id() + ":" + UUID.nameUUIDFromBytes(changes.getBytes(StandardCharsets.UTF_8));
			if (storedMessages.add(messageId)) {
				storeMessage(new DeliveryMessage(messageId, delivery.id(), NoticeText.json(audience.text(changes))));
			}
			Batch.Channel channel = Batch.Channel.valueOf(group.substring(0, group.indexOf('|')));
			for (int from = 0; from < users.size(); from += BATCH_USERS) {
				List<String> part = users.subList(from, Math.min(users.size(), from + BATCH_USERS));
				batches.add(new Batch(retryKey(Chunk.id(delivery.id(), number), batches.size()), messageId, channel, part,
						part.size(), Batch.Status.PENDING, 0, null, null, null));
			}
		});
		Instant now = clock.instant();
		// read again: an administrator may have marked the delivery urgent while it was being planned
		boolean urgent = mongo.exists(Query.query(where("_id").is(delivery.id()).and("urgent").is(true)), Delivery.class);
		Chunk chunk = new Chunk(Chunk.id(delivery.id(), number), delivery.id(), number, urgent, batches,
				lastUserId, now, null, Instant.EPOCH, batches.isEmpty(), now);
		try {
			mongo.insert(chunk);
		}
		catch (DuplicateKeyException e) {
			Chunk stored = mongo.findById(chunk.id(), Chunk.class);
			mongo.updateFirst(Query.query(where("_id").is(delivery.id())), new Update()
				.set("plannedUpTo", stored == null ? lastUserId : stored.lastUserId()).set("chunks", number + 1), Delivery.class);
			throw new ChunkAlreadyWritten();
		}
		heldNotices.hold(day, held);
		mongo.updateFirst(Query.query(where("_id").is(delivery.id())), new Update().set("plannedUpTo", lastUserId)
			.set("chunks", number + 1).inc("recipients", sending.size()).inc("held", held.size()), Delivery.class);
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
	private boolean quotaCovers(Delivery delivery, Audience audience) {
		if (!line.configured()) {
			return true;
		}
		long lineUsers = audience.lineUsers();
		if (lineUsers < properties.quotaCheckFrom()) {
			return true;
		}
		OptionalLong remaining = multicasts.remainingQuota();
		if (remaining.isEmpty() || remaining.getAsLong() >= lineUsers) {
			return true;
		}
		String reason = "LINE's monthly quota has " + remaining.getAsLong() + " messages left, the delivery needs "
				+ lineUsers;
		mongo.updateFirst(Query.query(where("_id").is(delivery.id())),
				new Update().set("state", Delivery.State.PAUSED).set("pauseReason", reason), Delivery.class);
		log.warn("Delivery {} paused: {}", delivery.id(), reason);
		return false;
	}

	/** Without a cap there is nothing to count messages for. */
	private boolean counting() {
		return properties.dailyCap() > 0;
	}

	/** Urgent changes, digests and announcements are never held back; they still count towards the cap. */
	private boolean capped(Delivery delivery) {
		return properties.dailyCap() > 0 && delivery.kind() == Delivery.Kind.CHANGES && !delivery.urgent();
	}

	private Audience audience(Delivery delivery) {
		return switch (delivery.kind()) {
			case CHANGES -> {
				List<RatingChange> changes = changes(delivery.changeIds());
				Map<String, Set<String>> keys = audiences.keysOf(changes);
				yield new Audience(after -> audiences.followers(keys, after), ids -> NoticeText.changes(pick(changes, ids)),
						() -> audiences.count(where("topics").in(keys.values().stream().flatMap(Set::stream).distinct().toList())),
						changes.isEmpty() ? "" : NoticeText.changes(changes));
			}
			case DIGEST -> {
				LocalDate before = LocalDate.parse(delivery.digestDay());
				yield new Audience(after -> audiences.held(before, after), ids -> NoticeText.digest(changes(List.of(ids.split(",")))),
						() -> 0L, "");
			}
			case ANNOUNCEMENT -> {
				String text = NoticeText.announcement(delivery.text());
				yield new Audience(after -> audiences.segment(delivery.segment(), after), ids -> text,
						() -> audiences.count(delivery.segment().isEmpty() ? where("topics.0").exists(true)
								: where("topics").in(delivery.segment())),
						text);
			}
		};
	}

	private List<RatingChange> changes(List<String> ids) {
		return ratingChanges.find(ids);
	}

	private static List<RatingChange> pick(List<RatingChange> changes, String ids) {
		Set<String> wanted = Set.of(ids.split(","));
		return changes.stream().filter(c -> wanted.contains(c.id())).toList();
	}

	/**
	 * A delivery's recipients after a user id, the text for a group of change ids, how many LINE users it
	 * reaches, and the text most recipients get (for previews).
	 */
	private record Audience(Function<String, Stream<Recipient>> source, Function<String, String> texts,
			LongSupplier lineUserCount, String sampleText) {

		Stream<Recipient> recipients(String afterUserId) {
			return source.apply(afterUserId);
		}

		String text(String changeIds) {
			return texts.apply(changeIds);
		}

		long lineUsers() {
			return lineUserCount.getAsLong();
		}
	}

	/** Another planner (or a run before a crash) wrote this chunk already: continue after it. */
	private static final class ChunkAlreadyWritten extends RuntimeException {
		ChunkAlreadyWritten() {
			super(null, null, false, false);
		}
	}
}
