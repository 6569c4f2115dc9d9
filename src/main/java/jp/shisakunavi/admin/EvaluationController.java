package jp.shisakunavi.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.EvaluationIntake;
import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.IntakeResult;
import jp.shisakunavi.plan.InvalidEvaluations;

/**
 * Administrators enter evaluations as JSON or as a CSV/Excel file; either is taken whole or not at all, and a
 * refusal is a 400 with the reason (for rows, every row's reasons). An editor limited to some municipalities may
 * send rows of those only (403 otherwise, nothing stored); what was taken goes to the audit log.
 */
@RestController
@RequestMapping("/admin/api/evaluations")
class EvaluationController {

	private final EvaluationIntake intake;
	private final Permissions permissions;
	private final Scope scope;
	private final AuditLog audit;

	EvaluationController(EvaluationIntake intake, Permissions permissions, Scope scope, AuditLog audit) {
		this.intake = intake;
		this.permissions = permissions;
		this.scope = scope;
		this.audit = audit;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	IntakeResult submit(@RequestBody List<EvaluationJson> rows, @RequestParam(defaultValue = "false") boolean urgent) {
		List<EvaluationRow> numbered = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			EvaluationJson row = rows.get(i) == null ? EvaluationJson.EMPTY : rows.get(i);
			numbered.add(row.numbered(i + 1));
		}
		return taken(numbered, urgent, "JSON");
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	IntakeResult importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean urgent) throws IOException {
		List<EvaluationRow> rows = EvaluationFile.read(file.getOriginalFilename(), file.getBytes());
		return taken(rows, urgent, "ファイル「" + file.getOriginalFilename() + "」");
	}

	private IntakeResult taken(List<EvaluationRow> rows, boolean urgent, String source) {
		var municipalities = scope.named(rows.stream().map(EvaluationRow::municipality).toList());
		permissions.requireEditAll(municipalities);
		IntakeResult result = intake.submit(rows, urgent);
		audit.record(AuditChange.of("evaluations.submit", source + "の評価 " + result.rows() + " 行を受け付けました（書き込み "
				+ result.written() + "、変わらず " + result.unchanged() + "、記録した変更 " + result.recorded() + (urgent ? "、至急" : "") + "）")
			.municipalities(municipalities).after(result));
		return result;
	}

	/** Every row's reasons under {@code errors} (here, before the general handler of IllegalArgumentException). */
	@ExceptionHandler(InvalidEvaluations.class)
	ProblemDetail invalidEvaluations(InvalidEvaluations e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableJson(HttpMessageNotReadableException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"JSON として読めません。評価の行のリスト [{\"municipality\": …, \"measureId\": …, \"fiscalYear\": …, "
						+ "\"rating\": …}] を送ってください");
	}

	/** One row as JSON; {@code fiscalYear} may be a number (2022) or any notation (令和4年度). */
	record EvaluationJson(String municipality, String plan, String measureId, String measureTitle,
			String fiscalYear, String rating, String department, String comment) {

		static final EvaluationJson EMPTY = new EvaluationJson(null, null, null, null, null, null, null, null);

		EvaluationRow numbered(int row) {
			return new EvaluationRow(row, municipality, plan, measureId, measureTitle, fiscalYear, rating,
					department, comment);
		}
	}
}
