package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.plan.Rated;

/**
 * Report rounds: opening one derives its obligations (one per unit and responsible department); changing one
 * derives them again and keeps every report made: an obligation still asked for keeps its report, one no longer
 * asked for is withdrawn if it has a report or a related department's comment, and removed if not.
 */
@Service
public class Rounds {

	private final MongoTemplate mongo;
	private final Plans plans;
	private final ObligationDerivation derivation;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Rounds(MongoTemplate mongo, Plans plans, ObligationDerivation derivation, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.plans = plans;
		this.derivation = derivation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a round and derives its obligations.
	 *
	 * @param by who opens it (an account's user name), for the round and the audit log
	 * @throws IllegalArgumentException in Japanese when the plan is not the municipality's, has no legend, the year
	 *         is outside its period, the dates are missing or reversed, or a unit is not the plan's
	 */
	public Round open(RoundDraft draft, String by) {
		Plan plan = checked(draft);
		Round round = new Round(UUID.randomUUID().toString(), plan.municipality(), plan.id(), plan.title(),
				draft.fiscalYear(), draft.opensOn(), draft.dueOn(), draft.unitIds(), draft.headApprovalFirst(),
				draft.ladder(), List.of(), 1, clock.instant(), by, clock.instant());
		ObligationDerivation.Derived derived = derivation.derive(round, plan);
		round = withUnassigned(round, derived.unassigned());
		mongo.insert(round);
		store(round, derived.obligations());
		audit.record(AuditChange.of("staff.round.open", plan.title() + "の" + FiscalYear.format(round.fiscalYear())
				+ "の報告依頼を開始しました（" + derived.obligations().size() + "件）")
			.target(round.id())
			.municipality(round.municipality())
			.after(round));
		return round;
	}

	/**
	 * Changes a round's dates, units, approval setting or ladder, and derives its obligations again.
	 *
	 * @throws StaleRound when the round changed since {@code expectedVersion}
	 */
	public Round change(String id, long expectedVersion, RoundDraft draft, String by) {
		Round before = find(id).orElseThrow(() -> new IllegalArgumentException("報告依頼「" + id + "」はありません"));
		if (!MunicipalityName.key(before.municipality()).equals(MunicipalityName.key(draft.municipality()))
				|| !before.planId().equals(draft.planId()) || before.fiscalYear() != draft.fiscalYear()) {
			throw new IllegalArgumentException("自治体・計画・年度は変えられません。別の報告依頼を開始してください");
		}
		Plan plan = checked(draft);
		Round changed = new Round(id, before.municipality(), before.planId(), plan.title(), before.fiscalYear(),
				draft.opensOn(), draft.dueOn(), draft.unitIds(), draft.headApprovalFirst(), draft.ladder(), List.of(),
				expectedVersion + 1, before.openedAt(), before.openedBy(), clock.instant());
		ObligationDerivation.Derived derived = derivation.derive(changed, plan);
		changed = withUnassigned(changed, derived.unassigned());
		Round replaced = mongo.findAndReplace(Query.query(where("_id").is(id).and("version").is(expectedVersion)), changed);
		if (replaced == null) {
			throw new StaleRound(find(id).orElseThrow());
		}
		store(changed, derived.obligations());
		audit.record(AuditChange.of("staff.round.change", plan.title() + "の" + FiscalYear.format(changed.fiscalYear())
				+ "の報告依頼を変更しました（" + derived.obligations().size() + "件）")
			.target(id)
			.municipality(changed.municipality())
			.before(before)
			.after(changed));
		return changed;
	}

	/**
	 * Sends the round's reminder now to the reporters of the departments that still owe something (「今すぐ督促する」),
	 * whatever the hour: at most once per round and day, and still at most one reminder per person and day.
	 *
	 * @throws IllegalArgumentException in Japanese when the round is not open yet or nothing is owed
	 */
	public void remindNow(String id, String by) {
		Round round = find(id).orElseThrow(() -> new IllegalArgumentException("報告依頼「" + id + "」はありません"));
		if (!round.openOn(clock.instant().atZone(ReportTexts.TOKYO).toLocalDate())) {
			throw new IllegalArgumentException("報告依頼は" + round.opensOn() + "に始まります。督促はそれからです");
		}
		List<String> owedStatuses = Arrays.stream(ReportStatus.values()).filter(ReportStatus::owed).map(Enum::name).toList();
		boolean owed = mongo.exists(Query.query(where("roundId").is(id).and("withdrawn").is(false).and("status")
			.in(owedStatuses)), Obligation.class);
		if (!owed) {
			throw new IllegalArgumentException("未提出の報告はありません。督促は送りません");
		}
		audit.record(AuditChange.of("staff.round.remind", round.planTitle() + "の" + FiscalYear.format(round.fiscalYear())
				+ "の報告依頼で、未提出の課に督促を送りました")
			.target(id)
			.municipality(round.municipality()));
		events.publishEvent(new RemindersRequested(id, by));
	}

	/**
	 * Derives the obligations of a plan's rounds again after what they depend on changed (a mapping uploaded, an
	 * alias added or removed); the rounds themselves stay as they are, reports are kept.
	 */
	public void rederive(String municipality, String planIdOrNull) {
		for (Round round : of(municipality)) {
			if (planIdOrNull != null && !round.planId().equals(planIdOrNull)) {
				continue;
			}
			Plan plan = plans.plan(round.planId()).orElse(null);
			if (plan == null) {
				continue;
			}
			ObligationDerivation.Derived derived = derivation.derive(round, plan);
			mongo.updateFirst(Query.query(where("_id").is(round.id())), new Update().set("unassigned", derived.unassigned()),
					Round.class);
			store(round, derived.obligations());
		}
	}

	public Optional<Round> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Round.class));
	}

	/** The rounds of a municipality (null: all), newest first. */
	public List<Round> of(String municipality) {
		return mongo.findAll(Round.class).stream()
			.filter(r -> municipality == null
					|| MunicipalityName.key(r.municipality()).equals(MunicipalityName.key(municipality)))
			.sorted(Comparator.comparing(Round::openedAt).reversed())
			.toList();
	}

	/** The rounds open on a day (opened on it or before), of every municipality: what reminders look at. */
	public List<Round> openOn(LocalDate day) {
		return of(null).stream().filter(r -> r.openOn(day)).toList();
	}

	private Round withUnassigned(Round round, List<String> unassigned) {
		return new Round(round.id(), round.municipality(), round.planId(), round.planTitle(), round.fiscalYear(),
				round.opensOn(), round.dueOn(), round.unitIds(), round.headApprovalFirst(), round.ladder(), unassigned,
				round.version(), round.openedAt(), round.openedBy(), round.changedAt());
	}

	/**
	 * Writes derived obligations beside the stored ones: the derived fields of those that exist are set (their
	 * report, status and history untouched), new ones inserted, those no longer derived removed or withdrawn.
	 */
	private void store(Round round, List<Obligation> derived) {
		Map<String, Obligation> stored = mongo.find(Query.query(where("roundId").is(round.id())), Obligation.class)
			.stream()
			.collect(Collectors.toMap(Obligation::id, Function.identity()));
		Set<String> kept = new HashSet<>();
		List<Obligation> fresh = new ArrayList<>();
		for (Obligation obligation : derived) {
			kept.add(obligation.id());
			Obligation existing = stored.get(obligation.id());
			if (existing == null) {
				fresh.add(obligation);
				continue;
			}
			boolean late = existing.submittedAt() != null && ObligationDerivation.after(existing.submittedAt(), round.dueOn());
			mongo.updateFirst(Query.query(where("_id").is(obligation.id())), new Update()
				.set("department", obligation.department())
				.set("measureTitle", obligation.measureTitle())
				.set("unitTitle", obligation.unitTitle())
				.set("planDepartment", obligation.planDepartment())
				.set("commenting", obligation.commenting())
				.set("dueOn", obligation.dueOn())
				.set("previous", obligation.previous())
				.set("late", late)
				.set("withdrawn", false), Obligation.class);
		}
		if (!fresh.isEmpty()) {
			mongo.insertAll(fresh);
		}
		for (Obligation existing : stored.values()) {
			if (kept.contains(existing.id())) {
				continue;
			}
			if (existing.history().isEmpty() && existing.remarks().isEmpty()) {
				mongo.remove(Query.query(where("_id").is(existing.id()).and("version").is(existing.version())),
						Obligation.class);
			}
			else {
				mongo.updateFirst(Query.query(where("_id").is(existing.id())), new Update().set("withdrawn", true),
						Obligation.class);
			}
		}
	}

	private Plan checked(RoundDraft draft) {
		if (draft.planId() == null || draft.planId().isBlank()) {
			throw new IllegalArgumentException("計画を選んでください");
		}
		Plan plan = plans.plan(draft.planId())
			.filter(Plan::importComplete)
			.orElseThrow(() -> new IllegalArgumentException("計画「" + draft.planId() + "」はありません"));
		if (draft.municipality() == null
				|| !MunicipalityName.matches(draft.municipality(), plan.municipality(), plan.municipalityKana())) {
			throw new IllegalArgumentException(plan.title() + "は" + plan.municipality() + "の計画です");
		}
		if (plan.ratingScheme().isEmpty()) {
			throw new IllegalArgumentException(plan.title() + "には評価の凡例がないため、報告依頼を開始できません");
		}
		Plan.Period period = plan.period();
		if (draft.fiscalYear() < period.from() || draft.fiscalYear() > period.to()) {
			throw new IllegalArgumentException(FiscalYear.format(draft.fiscalYear()) + "は" + plan.title() + "の計画期間（"
					+ FiscalYear.format(period.from()) + "〜" + FiscalYear.format(period.to()) + "）の外です");
		}
		if (draft.opensOn() == null || draft.dueOn() == null) {
			throw new IllegalArgumentException("開始日と締切日を入れてください");
		}
		if (draft.dueOn().isBefore(draft.opensOn())) {
			throw new IllegalArgumentException("締切日（" + ReportTexts.day(draft.dueOn()) + "）が開始日（"
					+ ReportTexts.day(draft.opensOn()) + "）より前です");
		}
		if (draft.unitIds() != null && !draft.unitIds().isEmpty()) {
			Set<String> units = new HashSet<>();
			plans.measuresOf(plan.id()).forEach(m -> m.ratedUnits().map(Rated::id).forEach(units::add));
			List<String> unknown = draft.unitIds().stream().filter(u -> !units.contains(u)).toList();
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("「" + String.join("」「", unknown) + "」は" + plan.title()
						+ "の評価の単位にありません（細目のある施策は細目のIDで指定してください）");
			}
		}
		if (draft.ladder() != null) {
			for (ReminderStep step : draft.ladder()) {
				if (step.moment() == null || step.audience().isEmpty()) {
					throw new IllegalArgumentException("督促の各段には、時期と送る相手が必要です");
				}
				if (step.moment() == ReminderStep.Moment.OVERDUE_EVERY && step.businessDays() == 0) {
					throw new IllegalArgumentException("締切後の督促の間隔は1営業日以上にしてください");
				}
			}
		}
		return plan;
	}
}
