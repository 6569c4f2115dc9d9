package jp.shisakunavi.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.plan.Rated;
import jp.shisakunavi.plan.RatingState;
import jp.shisakunavi.plan.RatingSymbol;
import jp.shisakunavi.system.Sha256;

/**
 * What a round asks of whom: its units (the chosen ones, or every unit whose latest evaluation before the round's
 * year does not say finished or abolished), and for each the departments that report it ({@link StaffDepartments}).
 */
@Component
class ObligationDerivation {

	private final Plans plans;
	private final StaffDepartments departments;

	ObligationDerivation(Plans plans, StaffDepartments departments) {
		this.plans = plans;
		this.departments = departments;
	}

	/** The obligations (not stored) and the units no department is responsible for. */
	record Derived(List<Obligation> obligations, List<String> unassigned) {
	}

	Derived derive(Round round, Plan plan) {
		List<Measure> measures = plans.measuresOf(plan.id());
		boolean perDepartment = measures.stream()
			.flatMap(Measure::ratedUnits)
			.flatMap(u -> u.evaluations().stream())
			.anyMatch(e -> e.department() != null);
		List<Obligation> obligations = new ArrayList<>();
		List<String> unassigned = new ArrayList<>();
		for (Measure measure : measures) {
			for (Rated unit : measure.ratedUnits().toList()) {
				if (!asked(round, plan, unit)) {
					continue;
				}
				Responsibility responsibility = departments.responsibility(plan, measure, unit, perDepartment,
						round.fiscalYear() - 1);
				if (responsibility.unassigned()) {
					unassigned.add(unit.id());
					continue;
				}
				for (String written : responsibility.reporting()) {
					obligations.add(obligation(round, plan, measure, unit, written, responsibility, perDepartment));
				}
			}
		}
		return new Derived(obligations, unassigned);
	}

	private boolean asked(Round round, Plan plan, Rated unit) {
		if (!round.unitIds().isEmpty()) {
			return round.unitIds().contains(unit.id());
		}
		return unit.evaluationsAsOf(round.fiscalYear() - 1).stream()
			.map(e -> plan.ratingScheme().find(e.rating()).map(RatingSymbol::state).orElse(RatingState.ONGOING))
			.noneMatch(state -> state == RatingState.COMPLETED || state == RatingState.ABOLISHED);
	}

	/** The obligation of one department, named {@code written} by the plan or mapping, for one unit. */
	private Obligation obligation(Round round, Plan plan, Measure measure, Rated unit, String written,
			Responsibility responsibility, boolean perDepartment) {
		String city = plan.municipality();
		String department = departments.canonical(city, written);
		List<Evaluation> previous = unit.evaluationsAsOf(round.fiscalYear() - 1).stream()
			.filter(e -> !perDepartment || departments.same(city, e.department(), written))
			.toList();
		Optional<PreviousEvaluation> last = previous.stream().findFirst()
			.map(e -> new PreviousEvaluation(e.fiscalYear(), e.rating(),
					plan.ratingScheme().find(e.rating()).map(RatingSymbol::meaning).orElse(null), e.progress()));
		List<String> commenting = responsibility.commenting().stream().map(n -> departments.canonical(city, n)).toList();
		return new Obligation(idOf(round.id(), unit.id(), written), round.id(), city, plan.id(), measure.id(),
				measure.title(), unit.id(), unit.title(), department, written, commenting, perDepartment,
				round.fiscalYear(), round.dueOn(), last.orElse(null), ReportStatus.NOT_STARTED, ReportDraft.EMPTY, false,
				null, null, null, false, List.of(), List.of(), 0);
	}

	/**
	 * Stable across changes of the round and of department aliases (it is made of the name as written, not the
	 * current one): the same unit and department keep their obligation and report.
	 */
	static String idOf(String roundId, String unitId, String department) {
		return Sha256.hex(roundId + "|" + unitId + "|" + department).substring(0, 24);
	}

	/** Whether a moment is after the end of a day in Tokyo (a report submitted then is late). */
	static boolean after(Instant at, LocalDate day) {
		return !at.isBefore(day.plusDays(1).atStartOfDay(ReportTexts.TOKYO).toInstant());
	}
}
