package jp.shisakunavi.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jp.shisakunavi.users.LineUserId;

/**
 * What one department owes in a round: the report of one unit (a measure, or an item of 茅ヶ崎市), with its status,
 * its current content and the history of every step. Its id is derived from the round, unit and department, so a
 * changed round finds the obligations (and reports) it had.
 *
 * @param department the department that owes it, by its current name
 * @param planDepartment the department's name as the plan writes it (aliases aside), for the published evaluation
 * @param commenting related departments (関係課) that may comment
 * @param perDepartment the plan rates per department: the published evaluation names this department
 * @param previous last year's evaluation of the unit (by this department where rated per department), if any
 * @param late submitted after the due date
 * @param reporterLineUserId the LINE user who last saved or submitted it (personal data: told of a return; null
 *        when it came from the web)
 * @param withdrawn the round no longer asks for it (the report made is kept)
 * @param remarks comments of the related departments (関係課) on the report, oldest first
 * @param version incremented with every step; a save states the version it read
 */
@Document("staff_obligations")
public record Obligation(@Id String id, String roundId, String municipality, String planId, String measureId,
		String measureTitle, String unitId, String unitTitle, String department, String planDepartment,
		List<String> commenting,
		boolean perDepartment, int fiscalYear, LocalDate dueOn, PreviousEvaluation previous, ReportStatus status,
		ReportDraft report, boolean late, Instant submittedAt, @JsonIgnore String reporterLineUserId,
		String returnComment, boolean withdrawn, List<ReportStep> history, List<Remark> remarks, long version) {

	public Obligation {
		commenting = commenting == null ? List.of() : List.copyOf(commenting);
		remarks = remarks == null ? List.of() : List.copyOf(remarks);
		history = history == null ? List.of() : List.copyOf(history);
		report = report == null ? ReportDraft.EMPTY : report;
		status = status == null ? ReportStatus.NOT_STARTED : status;
	}

	@JsonIgnore
	public LineUserId reporter() {
		return reporterLineUserId == null ? null : LineUserId.of(reporterLineUserId);
	}

	/** A related department's comment on the report (関係課の意見), kept beside it for the review. */
	public record Remark(String department, String by, String byName, Instant at, String text) {
	}

	/** The report as it stood at a version, from the history (the empty report before the first step). */
	ReportDraft reportAt(long atVersion) {
		return history.stream()
			.filter(s -> s.version() <= atVersion)
			.reduce((a, b) -> b)
			.map(ReportStep::report)
			.orElse(ReportDraft.EMPTY);
	}
}
