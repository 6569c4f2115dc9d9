package jp.shisakunavi.delivery.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.SendWindow;
import jp.shisakunavi.system.WorkerPools;
import org.springframework.stereotype.Component;

/**
 * The planning pass, on one instance at a time (a lease): the clients schedule what their own records say is due
 * ({@link DeliveryClient#schedule}), finished deliveries are marked so, and every delivery that is due is planned,
 * urgent ones first. Woken by orders, and polling otherwise, so that nothing depends on a wake-up that a crash or
 * another instance may have missed.
 */
@Component
class Planning implements DisposableBean {

	static final String LEASE = "delivery-planning";
	private static final Logger log = LoggerFactory.getLogger(Planning.class);
	private static final Duration LEASE_TIME = Duration.ofMinutes(2);
	private static final Duration SIMULATOR_MESSAGES_KEPT = Duration.ofDays(7);

	private final String owner = "planning-" + UUID.randomUUID();
	private final MongoTemplate mongo;
	private final Clients clients;
	private final Windows windows;
	private final Planner planner;
	private final Senders senders;
	private final Completion completion;
	private final Leases leases;
	private final DailyCounts dailyCounts;
	private final SimulatorChannel simulatorInbox;
	private final DeliveryProperties properties;
	private final Clock clock;
	private final Workers worker;

	Planning(MongoTemplate mongo, Clients clients, Windows windows, Planner planner, Senders senders,
			Completion completion, Leases leases, DailyCounts dailyCounts, SimulatorChannel simulatorInbox,
			DeliveryProperties properties, Clock clock, WorkerPools pools) {
		this.mongo = mongo;
		this.clients = clients;
		this.windows = windows;
		this.planner = planner;
		this.senders = senders;
		this.completion = completion;
		this.leases = leases;
		this.dailyCounts = dailyCounts;
		this.simulatorInbox = simulatorInbox;
		this.properties = properties;
		this.clock = clock;
		this.worker = new Workers("delivery-planning", 1, properties.pollInterval(), () -> {
			if (leases.acquire(LEASE, owner, LEASE_TIME)) {
				pass();
			}
			return false;
		}, pools);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		log.info("Delivery: clients {}, windows {}, {} multicasts/s, {} senders",
				clients.all().stream().map(DeliveryClient::kind).toList(), windows, properties.multicastRate(),
				properties.senders());
		worker.start();
	}

	void wake() {
		worker.wake();
	}

	/** One pass: the clients' scheduling, finished deliveries, then planning what is due. */
	void pass() {
		BooleanSupplier stillOurs = () -> leases.acquire(LEASE, owner, LEASE_TIME);
		for (DeliveryClient<?> client : clients.all()) {
			try {
				client.schedule(clock.instant());
			}
			catch (RuntimeException e) {
				log.error("Scheduling deliveries of kind {} failed; trying again at the next pass", client.kind(), e);
			}
			if (!stillOurs.getAsBoolean()) {
				return;
			}
		}
		completion.checkAll();
		Instant now = clock.instant();
		List<Delivery> due = mongo.find(Query.query(where("state").is(Delivery.State.PLANNING).and("notBefore").lte(now))
			.with(Sort.by(Sort.Direction.DESC, "urgent").and(Sort.by("createdAt"))), Delivery.class);
		for (Delivery delivery : due) {
			if (!stillOurs.getAsBoolean()) {
				return;
			}
			try {
				planner.plan(delivery, stillOurs);
			}
			catch (RuntimeException e) {
				// one delivery that cannot be planned (a client's fault) must not hold up the others
				log.error("Planning delivery {} failed; trying again at the next pass", delivery.id(), e);
			}
			senders.wake();
		}
	}

	/** Counts of days before yesterday and old simulator messages, hourly like the other clean-ups (idempotent). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purge() {
		Instant now = clock.instant();
		dailyCounts.purgeBefore(LocalDate.ofInstant(now, SendWindow.TOKYO).minusDays(1));
		simulatorInbox.purgeBefore(now.minus(SIMULATOR_MESSAGES_KEPT));
	}

	@Override
	public void destroy() throws InterruptedException {
		worker.stop();
		leases.release(LEASE, owner);
	}
}
