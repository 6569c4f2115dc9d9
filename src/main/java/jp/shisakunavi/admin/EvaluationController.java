package jp.shisakunavi.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
import jp.shisakunavi.plan.ReusedIdempotencyKey;

/**
 * Administrators enter evaluations as JSON or as a CSV/Excel file; either is taken whole or not at all, and a
 * refusal is a 400 with the reason (for rows, every row's reasons). An editor limited to some municipalities may
 * send rows of those only (403 otherwise, nothing stored); what was taken goes to the audit log. An
 * {@code Idempotency-Key} header makes a request safe to send again: the same key and content get the first answer,
 * and nothing is applied twice.
 */
@RestController
@RequestMapping("/admin/api/evaluations")
class EvaluationController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";
	private static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

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
	IntakeResult submit(@RequestBody List<EvaluationJson> rows, @RequestParam(defaultValue = "false") boolean urgent,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		List<EvaluationRow> numbered = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			EvaluationJson row = rows.get(i) == null ? EvaluationJson.EMPTY : rows.get(i);
			numbered.add(row.numbered(i + 1));
		}
		return taken(numbered, urgent, checked(key), "JSON");
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	IntakeResult importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean urgent,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) throws IOException {
		List<EvaluationRow> rows;
		try (InputStream content = file.getInputStream()) {
			rows = EvaluationFile.read(file.getOriginalFilename(), content);
		}
		return taken(rows, urgent, checked(key), "ファイル「" + file.getOriginalFilename() + "」");
	}

	private IntakeResult taken(List<EvaluationRow> rows, boolean urgent, String key, String source) {
		var municipalities = scope.named(rows.stream().map(EvaluationRow::municipality).toList());
		permissions.requireEditAll(municipalities);
		IntakeResult result = intake.submit(rows, urgent, key);
		audit.record(AuditChange.of("evaluations.submit", source + "の評価 " + result.rows() + " 行を受け付けました（書き込み "
				+ result.written() + "、変わらず " + result.unchanged() + "、記録した変更 " + result.recorded() + (urgent ? "、至急" : "") + "）")
			.municipalities(municipalities).after(result));
		return result;
	}

	/** A key the client chose for the request (a UUID, say): sending it again gets the same answer. */
	private static String checked(String key) {
		if (key == null) {
			return null;
		}
		if (!IDEMPOTENCY_KEY_FORMAT.matcher(key).matches()) {
			throw new IllegalArgumentException(IDEMPOTENCY_KEY + " は英数字と - _ . : の 1〜100 文字にしてください");
		}
		return key;
	}

	@ExceptionHandler(ReusedIdempotencyKey.class)
	ProblemDetail reusedKey(ReusedIdempotencyKey e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
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
