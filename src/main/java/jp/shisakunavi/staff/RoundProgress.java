package jp.shisakunavi.staff;

import java.util.List;

/**
 * How far a round is, per department: what the dashboard shows and charts.
 *
 * @param escalated the ladder's step for the coordinating department is reached (business days past the due date)
 *        and something is still owed: the dashboard flags the round
 */
public record RoundProgress(Round round, List<DepartmentProgress> departments, DepartmentProgress total,
		boolean escalated) {

	public RoundProgress {
		departments = List.copyOf(departments);
	}

	/**
	 * One department's obligations by status ({@code overdue}: still owed after the due date): {@code submitted} counts 提出済 and 所属長承認 (waiting for review),
	 * {@code approved} 承認済 and 公開済.
	 */
	public record DepartmentProgress(String department, int obligations, int notStarted, int draft, int submitted,
			int returned, int approved, int published, int overdue, int late) {

		static DepartmentProgress of(String department, List<Obligation> obligations, boolean overdueNow) {
			int[] counts = new int[ReportStatus.values().length];
			obligations.forEach(o -> counts[o.status().ordinal()]++);
			int owed = (int) obligations.stream().filter(o -> o.status().owed()).count();
			return new DepartmentProgress(department, obligations.size(), counts[ReportStatus.NOT_STARTED.ordinal()],
					counts[ReportStatus.DRAFT.ordinal()],
					counts[ReportStatus.SUBMITTED.ordinal()] + counts[ReportStatus.HEAD_APPROVED.ordinal()],
					counts[ReportStatus.RETURNED.ordinal()],
					counts[ReportStatus.APPROVED.ordinal()] + counts[ReportStatus.PUBLISHED.ordinal()],
					counts[ReportStatus.PUBLISHED.ordinal()], overdueNow ? owed : 0,
					(int) obligations.stream().filter(Obligation::late).count());
		}
	}
}
