package jp.shisakunavi.staff.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffDepartments;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.users.LineUserId;

/**
 * Staff reminders as a client of delivery ({@code STAFF-REMINDER}): one message per active staff member of the
 * wave's audience whose departments still owe something in the round, listing it; nobody when everything is
 * submitted. A reporter's or head's group is their role and departments (members of the same departments get the
 * same message); the coordinating department's staff share one.
 */
@Component
class ReminderClient implements DeliveryClient<ReminderWave> {

	private static final Logger log = LoggerFactory.getLogger(ReminderClient.class);
	private static final String SEPARATOR = "\t";

	private final Rounds rounds;
	private final Obligations obligations;
	private final StaffMembers members;
	private final StaffDepartments departments;
	private final ReminderSchedule schedule;
	/**
	 * What each delivery's round owes, read when its recipients are read and kept for the messages of its groups
	 * that follow: one reading per delivery planned instead of one per group, and every group's message from the
	 * same reading as the recipients. A few deliveries are planned at a time; older readings are dropped.
	 */
	private final Map<String, List<Obligation>> owedByDelivery = Collections.synchronizedMap(new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, List<Obligation>> eldest) {
			return size() > 32;
		}
	});

	ReminderClient(Rounds rounds, Obligations obligations, StaffMembers members, StaffDepartments departments,
			ReminderSchedule schedule) {
		this.rounds = rounds;
		this.obligations = obligations;
		this.members = members;
		this.departments = departments;
		this.schedule = schedule;
	}

	@Override
	public String kind() {
		return ReminderWave.KIND;
	}

	@Override
	public Class<ReminderWave> parameterType() {
		return ReminderWave.class;
	}

	@Override
	public Stream<Recipient> recipients(ReminderWave wave, LineUserId after) {
		Round round = rounds.find(wave.roundId()).orElse(null);
		if (round == null) {
			return Stream.empty();
		}
		List<Obligation> owed = owed(round);
		owedByDelivery.put(wave.deliveryId(), owed);
		if (owed.isEmpty()) {
			return Stream.empty();
		}
		Stream<Recipient> recipients;
		if (wave.audience() == StaffRole.COORDINATOR) {
			recipients = members.coordinators(round.municipality()).stream()
				.filter(m -> m.lineUser() != null)
				.map(m -> new Recipient(m.lineUser(), StaffRole.COORDINATOR.name()));
		}
		else {
			// each name resolved through the aliases once, not once per member and unit
			Map<String, String> current = new HashMap<>();
			Function<String, String> canonical = name -> current.computeIfAbsent(name,
					n -> departments.canonical(round.municipality(), n));
			Map<String, List<String>> owing = new HashMap<>();
			owed.stream().map(Obligation::department).distinct()
				.forEach(d -> owing.computeIfAbsent(canonical.apply(d), c -> new ArrayList<>()).add(d));
			recipients = members.active(round.municipality()).stream()
				.filter(m -> m.role() == wave.audience())
				.map(m -> recipient(m, m.departments().stream().map(canonical)
					.flatMap(d -> owing.getOrDefault(d, List.of()).stream())))
				.filter(Objects::nonNull);
		}
		return recipients.filter(r -> r.userId().value().compareTo(after.value()) > 0)
			.sorted(Comparator.comparing(r -> r.userId().value()));
	}

	@Override
	public List<Message> render(ReminderWave wave, String group) {
		Round round = rounds.find(wave.roundId()).orElseThrow();
		List<Obligation> owed = owedByDelivery.computeIfAbsent(wave.deliveryId(), id -> owed(round));
		if (wave.audience() == StaffRole.COORDINATOR) {
			return List.of(ReminderCard.coordinators(round, wave, owed));
		}
		String[] parts = group.split(SEPARATOR);
		List<String> departments = Arrays.asList(parts).subList(1, parts.length);
		return List.of(ReminderCard.departments(round, wave, departments,
				owed.stream().filter(o -> departments.contains(o.department())).toList()));
	}

	@Override
	public void held(ReminderWave wave, LocalDate day, List<Recipient> held) {
		log.info("Reminder {}: {} staff members already had their reminder of {}", wave.deliveryId(), held.size(), day);
	}

	@Override
	public long estimatedRecipients(ReminderWave wave) {
		return rounds.find(wave.roundId()).map(r -> (long) members.active(r.municipality()).size()).orElse(0L);
	}

	@Override
	public void schedule(Instant now) {
		schedule.run(now);
	}

	private List<Obligation> owed(Round round) {
		return obligations.ofRound(round.id()).stream().filter(o -> o.status().owed()).toList();
	}

	/** The member with the departments of theirs that owe something (as the obligations name them); null: none. */
	private static Recipient recipient(StaffMember member, Stream<String> owingDepartments) {
		Set<String> departments = owingDepartments.collect(Collectors.toCollection(TreeSet::new));
		if (departments.isEmpty() || member.lineUser() == null) {
			return null;
		}
		return new Recipient(member.lineUser(), member.role().name() + SEPARATOR + String.join(SEPARATOR, departments));
	}
}
