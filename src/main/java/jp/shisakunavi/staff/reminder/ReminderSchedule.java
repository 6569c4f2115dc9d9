package jp.shisakunavi.staff.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.calendar.BusinessCalendar;
import jp.shisakunavi.calendar.OutsideCalendar;
import jp.shisakunavi.delivery.DailyCap;
import jp.shisakunavi.delivery.DailyWindow;
import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.SendWindow;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.RemindersRequested;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.Rounds;

/**
 * Decides each open round's reminder of the day and orders it: on a business day before its office hours end, for
 * every round not decided for that day yet, the ladder's reminder (with the steps missed since the last decided
 * day), one delivery per audience, sent from the office's opening on. A round whose departments owe nothing gets
 * none. Ordering is idempotent (the delivery id names round, day, step and audience), so a crash between ordering
 * and writing the progress orders nothing twice.
 */
@Component
class ReminderSchedule {

	/** Staff reminders are counted apart from citizens' messages: one a day per person, whatever the round. */
	static final DailyCap CAP = DailyCap.atMost("staff", 1);
	/** How often the rounds are looked through on one day: new rounds get their opening reminder within it. */
	static final Duration SCAN_EVERY = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

	private final Rounds rounds;
	private final Obligations obligations;
	private final Deliveries deliveries;
	private final BusinessCalendar calendar;
	private final OfficeHours officeHours;
	private final MongoTemplate mongo;
	private final Clock clock;
	private Instant lastScan = Instant.EPOCH;

	ReminderSchedule(Rounds rounds, Obligations obligations, Deliveries deliveries, BusinessCalendar calendar,
			OfficeHours officeHours, MongoTemplate mongo, Clock clock) {
		this.rounds = rounds;
		this.obligations = obligations;
		this.deliveries = deliveries;
		this.calendar = calendar;
		this.officeHours = officeHours;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Called before each planning pass of delivery, on the one instance that plans. */
	synchronized void run(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, SendWindow.TOKYO);
		boolean sameDay = LocalDate.ofInstant(lastScan, SendWindow.TOKYO).equals(today);
		if (sameDay && now.isBefore(lastScan.plus(SCAN_EVERY)) || !calendar.covers(today)
				|| !officeHours.sendingDay(now).equals(today)) {
			return;
		}
		lastScan = now;
		Map<String, ReminderProgress> progress = mongo.findAll(ReminderProgress.class).stream()
			.collect(Collectors.toMap(ReminderProgress::roundId, Function.identity()));
		for (Round round : rounds.openOn(today)) {
			ReminderProgress decided = progress.get(round.id());
			LocalDate until = decided == null ? null : LocalDate.parse(decided.decidedUntil());
			if (until == null || until.isBefore(today)) {
				decide(round, until, today, now);
			}
		}
	}

	/**
	 * 「今すぐ督促する」: the reporters of the departments that owe something get the round's reminder at once, whatever
	 * the hour (someone asked for it), once per round and day (the delivery id names the day), and still only if
	 * they had no reminder that day.
	 */
	@EventListener
	void remindNow(RemindersRequested requested) {
		Round round = rounds.find(requested.roundId()).orElseThrow();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, SendWindow.TOKYO);
		int overdueDays = round.overdueOn(today) && calendar.covers(today) ? calendar.businessDaysAfter(round.dueOn(), today)
				: 0;
		ReminderWave wave = new ReminderWave(round.id(), today.toString(), "now", StaffRole.REPORTER, overdueDays);
		deliveries.order(DeliveryOrder.of(wave.deliveryId(), ReminderWave.KIND, wave, DailyWindow.ALWAYS.name())
			.withNotBefore(now)
			.withCap(CAP));
		log.info("Round {}: reminder ordered now by {}", round.id(), requested.requestedBy());
	}

	private void decide(Round round, LocalDate decidedUntil, LocalDate today, Instant now) {
		Optional<ReminderDay> reminder;
		try {
			reminder = new ReminderLadder(round.ladder(), calendar).due(round.opensOn(), round.dueOn(), decidedUntil, today);
		}
		catch (OutsideCalendar e) {
			log.warn("Round {}: no reminders, {}", round.id(), e.getMessage());
			reminder = Optional.empty();
		}
		if (reminder.isPresent() && obligations.ofRound(round.id()).stream().anyMatch(o -> o.status().owed())) {
			Instant notBefore = officeHours.opening(today).isAfter(now) ? officeHours.opening(today) : now;
			for (StaffRole audience : new TreeSet<>(reminder.get().audience())) {
				ReminderWave wave = new ReminderWave(round.id(), today.toString(), reminder.get().step(), audience,
						reminder.get().overdueDays());
				deliveries.order(DeliveryOrder.of(wave.deliveryId(), ReminderWave.KIND, wave, OfficeHours.NAME)
					.withNotBefore(notBefore)
					.withCap(CAP));
			}
			log.info("Round {}: reminder {} of {} ordered for {}", round.id(), reminder.get().step(), today,
					reminder.get().audience());
		}
		mongo.save(new ReminderProgress(round.id(), today.toString(), reminder.map(ReminderDay::step).orElse(null), now));
	}
}
