package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.calendar.BusinessCalendar;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.plan.RatingScheme;

/** What rounds ask of departments, as LINE, reminders, the web report page and the console read it. */
@Service
public class Obligations {

	private static final Comparator<Obligation> ORDER = Comparator.comparing(Obligation::measureId)
		.thenComparing(Obligation::unitId)
		.thenComparing(Obligation::department);

	private final MongoTemplate mongo;
	private final StaffMembers members;
	private final StaffDepartments departments;
	private final Rounds rounds;
	private final Plans plans;
	private final BusinessCalendar calendar;
	private final Clock clock;

	Obligations(MongoTemplate mongo, StaffMembers members, StaffDepartments departments, Rounds rounds, Plans plans,
			BusinessCalendar calendar, Clock clock) {
		this.mongo = mongo;
		this.members = members;
		this.departments = departments;
		this.rounds = rounds;
		this.plans = plans;
		this.calendar = calendar;
		this.clock = clock;
	}

	public Optional<Obligation> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Obligation.class));
	}

	/** Every obligation of a round (withdrawn ones left out), in plan order. */
	/** The reports returned (差戻し) since then and not changed since: their reporters are to be told. */
	public List<Obligation> returnedSince(Instant since) {
		return mongo.find(Query.query(where("status").is(ReportStatus.RETURNED.name()).and("withdrawn").is(false)),
				Obligation.class)
			.stream()
			.filter(o -> !o.history().isEmpty() && o.history().getLast().status() == ReportStatus.RETURNED
					&& !o.history().getLast().at().isBefore(since))
			.toList();
	}

	public List<Obligation> ofRound(String roundId) {
		return mongo.find(Query.query(where("roundId").is(roundId).and("withdrawn").is(false)), Obligation.class)
			.stream()
			.sorted(ORDER)
			.toList();
	}

	/** A department's obligations in a round, whatever their status. */
	public List<Obligation> ofDepartment(String roundId, String department) {
		Optional<Round> round = rounds.find(roundId);
		if (round.isEmpty()) {
			return List.of();
		}
		return ofRound(roundId).stream()
			.filter(o -> departments.same(round.get().municipality(), o.department(), department))
			.toList();
	}

	/** What a department still owes in a round: not submitted yet, or returned to it. */
	public List<Obligation> owed(String roundId, String department) {
		return ofDepartment(roundId, department).stream().filter(o -> o.status().owed()).toList();
	}

	/**
	 * What a staff member's departments have to do in the rounds open today: for reporters and heads their
	 * departments' obligations, for coordinators every obligation of the city. Revoked members have nothing.
	 */
	public List<Obligation> of(StaffMember member) {
		if (!member.active()) {
			return List.of();
		}
		LocalDate today = today();
		return rounds.of(member.municipality()).stream()
			.filter(r -> r.openOn(today))
			.flatMap(r -> ofRound(r.id()).stream())
			.filter(o -> member.role() == StaffRole.COORDINATOR || members.belongsTo(member, o.department()))
			.toList();
	}

	/** What a staff member's departments still owe in the rounds open today. */
	public List<Obligation> owedBy(StaffMember member) {
		return of(member).stream().filter(o -> o.status().owed()).toList();
	}

	/** A round's progress per department (in name order) and in total, as of today. */
	public RoundProgress progress(Round round) {
		List<Obligation> all = ofRound(round.id());
		LocalDate today = today();
		boolean overdue = round.overdueOn(today);
		Map<String, List<Obligation>> byDepartment = new TreeMap<>();
		all.forEach(o -> byDepartment.computeIfAbsent(o.department(), d -> new ArrayList<>()).add(o));
		RoundProgress.DepartmentProgress total = RoundProgress.DepartmentProgress.of("合計", all, overdue);
		return new RoundProgress(round, byDepartment.entrySet().stream()
			.map(e -> RoundProgress.DepartmentProgress.of(e.getKey(), e.getValue(), overdue))
			.toList(), total, total.overdue() > 0 && round.escalatedOn(today, calendar));
	}

	/** The legend of the obligation's plan: the ratings a report may give, in the plan's order. */
	public RatingScheme legend(Obligation obligation) {
		return plans.plan(obligation.planId()).map(p -> p.ratingScheme()).orElse(new RatingScheme(List.of()));
	}

	LocalDate today() {
		return clock.instant().atZone(ReportTexts.TOKYO).toLocalDate();
	}
}
