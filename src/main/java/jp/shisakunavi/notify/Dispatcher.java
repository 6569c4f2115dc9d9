package jp.shisakunavi.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;
import jp.shisakunavi.plan.RatingsChanged;
import jp.shisakunavi.system.WorkerPools;

/**
 * Turns recorded work into deliveries and plans them, on one instance at a time (a lease): rating changes that
 * waited the coalescing time become one delivery (urgent ones at once), held notices become the next day's
 * digest, and every delivery that is due is planned. Woken by new changes, and polling otherwise, so that
 * nothing depends on an event that a crash or another instance may have missed.
 */
@Component
class Dispatcher implements DisposableBean {

	static final String LEASE = "notify-dispatcher";
	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
	private static final Duration LEASE_TIME = Duration.ofMinutes(2);
	private static final Duration SIMULATOR_NOTICES_KEPT = Duration.ofDays(7);

	private final String owner = "dispatcher-" + UUID.randomUUID();
	private final MongoTemplate mongo;
	private final RatingChanges ratingChanges;
	private final Planner planner;
	private final Senders senders;
	private final Leases leases;
	private final HeldNotices heldNotices;
	private final DailyCounts dailyCounts;
	private final SimulatorInbox simulatorInbox;
	private final NotifyProperties properties;
	private final SendWindow window;
	private final Clock clock;
	private final Workers worker;

	Dispatcher(MongoTemplate mongo, RatingChanges ratingChanges, Planner planner, Senders senders, Leases leases,
			HeldNotices heldNotices, DailyCounts dailyCounts, SimulatorInbox simulatorInbox, NotifyProperties properties,
			SendWindow window, Clock clock, WorkerPools pools) {
		this.mongo = mongo;
		this.ratingChanges = ratingChanges;
		this.planner = planner;
		this.senders = senders;
		this.leases = leases;
		this.heldNotices = heldNotices;
		this.dailyCounts = dailyCounts;
		this.simulatorInbox = simulatorInbox;
		this.properties = properties;
		this.window = window;
		this.clock = clock;
		this.worker = new Workers("notify-dispatch", 1, properties.pollInterval(), () -> {
			if (leases.acquire(LEASE, owner, LEASE_TIME)) {
				dispatch();
			}
			return false;
		}, pools);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		log.info("Notifications: send window {}, changes coalesced for {}, daily cap {}, {} multicasts/s",
				window, properties.coalesce(), properties.dailyCap() == 0 ? "none" : properties.dailyCap(),
				properties.multicastRate());
		worker.start();
	}

	@EventListener
	void on(RatingsChanged event) {
		wake();
	}

	void wake() {
		worker.wake();
	}

	/** One pass: new deliveries from changes and held notices, then plan what is due. */
	void dispatch() {
		Instant now = clock.instant();
		collectChanges(now);
		collectDigest(now);
		List<Delivery> due = mongo.find(Query.query(where("state").is(Delivery.State.PLANNING).and("notBefore").lte(now))
			.with(Sort.by(Sort.Direction.DESC, "urgent").and(Sort.by("createdAt"))), Delivery.class);
		BooleanSupplier stillOurs = () -> leases.acquire(LEASE, owner, LEASE_TIME);
		for (Delivery delivery : due) {
			if (!stillOurs.getAsBoolean()) {
				return;
			}
			planner.plan(delivery, stillOurs);
			senders.wake();
		}
	}

	/** Counts of days before yesterday and old simulator notices, hourly like the other clean-ups (idempotent). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purge() {
		Instant now = clock.instant();
		dailyCounts.purgeBefore(window.sendingDay(now).minusDays(1));
		simulatorInbox.purgeBefore(now.minus(SIMULATOR_NOTICES_KEPT));
	}

	private void collectChanges(Instant now) {
		List<RatingChange> waiting = ratingChanges.awaitingDelivery(1000);
		if (waiting.isEmpty()) {
			return;
		}
		Set<String> taken = new HashSet<>();
		mongo.find(Query.query(where("changeIds").in(waiting.stream().map(RatingChange::id).toList())), Delivery.class)
			.forEach(d -> taken.addAll(d.changeIds()));
		if (!taken.isEmpty()) {
			ratingChanges.markDeliveryPlanned(List.copyOf(taken));
		}
		List<RatingChange> fresh = waiting.stream().filter(c -> !taken.contains(c.id())).toList();
		List<RatingChange> urgent = fresh.stream().filter(RatingChange::urgent).toList();
		List<RatingChange> normal = fresh.stream().filter(c -> !c.urgent()).toList();
		if (!urgent.isEmpty()) {
			create(urgent, true, now);
		}
		Instant oldest = normal.stream().map(RatingChange::recordedAt).min(Comparator.naturalOrder()).orElse(null);
		if (oldest != null && !oldest.plus(properties.coalesce()).isAfter(now)) {
			create(normal, false, now);
		}
	}

	private void create(List<RatingChange> changes, boolean urgent, Instant now) {
		List<String> ids = changes.stream().map(RatingChange::id).sorted().toList();
		String id = "changes-" + UUID.nameUUIDFromBytes(String.join(",", ids).getBytes(StandardCharsets.UTF_8));
		insert(Delivery.of(id, Delivery.Kind.CHANGES, ids, List.of(), null, urgent, now, null, now));
		ratingChanges.markDeliveryPlanned(ids);
	}

	/** In the send window of a new day, what the cap held back on earlier days goes out as one digest each. */
	private void collectDigest(Instant now) {
		if (!window.isOpen(now)) {
			return;
		}
		LocalDate today = window.sendingDay(now);
		if (heldNotices.anyBefore(today)) {
			insert(Delivery.of("digest-" + today, Delivery.Kind.DIGEST, List.of(), List.of(), null, false, now,
					today.toString(), now));
		}
	}

	private void insert(Delivery delivery) {
		try {
			mongo.insert(delivery);
		}
		catch (DuplicateKeyException alreadyCreated) {
			// created before a crash, or by another instance: it is planned like any other
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		worker.stop();
		leases.release(LEASE, owner);
	}
}
