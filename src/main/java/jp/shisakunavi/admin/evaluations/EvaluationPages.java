package jp.shisakunavi.admin.evaluations;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.admin.EvaluationFile;
import jp.shisakunavi.admin.Scope;
import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.notify.ChangeReach;
import jp.shisakunavi.notify.Notifications;
import jp.shisakunavi.plan.EvaluationIntake;
import jp.shisakunavi.plan.EvaluationPreview;
import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.IntakeResult;
import jp.shisakunavi.plan.InvalidEvaluations;

/**
 * The evaluations import in the console: a CSV or Excel file is read (within the upload limits), every row is
 * shown with its problems and, when there are none, the rating changes it makes and how many followers each one
 * notifies. Nothing is stored but the draft of the upload; confirming applies that draft through the intake under
 * the draft's idempotency key — only if it still does what the preview showed, and once, however often the button
 * is pressed. Editors import rows of their municipalities; viewers see the page only.
 */
@ConsoleController
@RequestMapping("/admin/evaluations")
class EvaluationPages {

	private final EvaluationIntake intake;
	private final EvaluationDrafts drafts;
	private final Notifications notifications;
	private final Permissions permissions;
	private final Scope scope;
	private final AuditLog audit;
	private final Clock clock;

	EvaluationPages(EvaluationIntake intake, EvaluationDrafts drafts, Notifications notifications,
			Permissions permissions, Scope scope, AuditLog audit, Clock clock) {
		this.intake = intake;
		this.drafts = drafts;
		this.notifications = notifications;
		this.permissions = permissions;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	@Bean
	static ConsolePage evaluationsNavigation() {
		return new ConsolePage("評価の取り込み", "/admin/evaluations", 40, Actor::mayReadConsole);
	}

	@GetMapping
	String importPage(Model model) {
		model.addAttribute("mayImport", mayImport(reader()));
		return "admin/evaluations/import";
	}

	@PostMapping
	String preview(@RequestPart("file") MultipartFile file, Model model) throws IOException {
		Actor actor = importer();
		String filename = file.getOriginalFilename();
		List<EvaluationRow> rows;
		try (InputStream content = file.getInputStream()) {
			rows = EvaluationFile.read(filename, content);
		}
		catch (UnreadableFile e) {
			model.addAttribute("mayImport", true);
			model.addAttribute("filename", filename);
			model.addAttribute("unreadable", e.getMessage());
			return "admin/evaluations/import";
		}
		Set<String> municipalities = scope.named(rows.stream().map(EvaluationRow::municipality).toList());
		List<InvalidEvaluations.Problem> problems = new ArrayList<>(refusedByLimits(actor, rows));
		EvaluationPreview preview = null;
		try {
			preview = intake.preview(rows);
		}
		catch (InvalidEvaluations e) {
			problems.addAll(e.problems());
		}
		EvaluationDraft draft = null;
		if (problems.isEmpty()) {
			draft = drafts.store(new EvaluationDraft(UUID.randomUUID().toString(), actor.accountId(), filename, rows,
					List.copyOf(municipalities), preview.result(), EvaluationDraft.State.PREVIEWED, null, clock.instant(),
					null));
		}
		return previewed(filename, rows, problems, preview, draft, model);
	}

	@PostMapping("/{draftId}/confirm")
	String confirm(@PathVariable String draftId, Model model) {
		Actor actor = importer();
		EvaluationDraft draft = drafts.find(draftId).filter(d -> d.accountId().equals(actor.accountId()))
			.orElseThrow(() -> new IllegalArgumentException(
					"この取り込みの下書きはありません（1日たつと消えます）。もう一度ファイルを選んでください"));
		permissions.requireEditAll(draft.municipalities());
		Optional<EvaluationDraft> claimed = drafts.claim(draftId);
		if (claimed.isEmpty()) {
			return "redirect:/admin/evaluations/" + draftId;
		}
		EvaluationPreview now;
		try {
			now = intake.preview(draft.rows());
		}
		catch (InvalidEvaluations e) {
			drafts.release(draft);
			model.addAttribute("changed", "確認のあとで計画のデータが変わり、取り込めない行ができました。何も保存していません");
			return previewed(draft.filename(), draft.rows(), e.problems(), null, null, model);
		}
		if (!Objects.equals(now.result(), draft.preview())) {
			EvaluationDraft again = drafts.previewedAgain(draft, now.result());
			model.addAttribute("changed", "確認のあとで評価が変わったため、取り込む前にもう一度確かめてください。何も保存していません");
			return previewed(draft.filename(), draft.rows(), List.of(), now, again, model);
		}
		IntakeResult result = intake.submit(draft.rows(), false, draft.idempotencyKey());
		drafts.applied(draft, result);
		audit.record(AuditChange.of("evaluations.import", "ファイル「" + draft.filename() + "」の評価 " + result.rows()
				+ " 行を取り込みました（書き込み " + result.written() + "、変わらず " + result.unchanged() + "、記録した変更 "
				+ result.recorded() + "）").target(draft.id()).municipalities(draft.municipalities()).after(result));
		return "redirect:/admin/evaluations/" + draftId;
	}

	@GetMapping("/{draftId}")
	String outcome(@PathVariable String draftId, Model model) {
		Actor actor = reader();
		EvaluationDraft draft = drafts.find(draftId).filter(d -> d.accountId().equals(actor.accountId()))
			.orElseThrow(() -> new IllegalArgumentException("この取り込みはありません（1日たつと消えます）"));
		model.addAttribute("draft", draft);
		return "admin/evaluations/outcome";
	}

	private String previewed(String filename, List<EvaluationRow> rows, List<InvalidEvaluations.Problem> problems,
			EvaluationPreview preview, EvaluationDraft draft, Model model) {
		List<PreviewedRow> previewed = PreviewedRow.of(rows, problems);
		model.addAttribute("filename", filename);
		model.addAttribute("rows", previewed);
		model.addAttribute("wrong", previewed.stream().filter(PreviewedRow::wrong).count());
		model.addAttribute("problems", problems.stream().filter(p -> rows.stream().noneMatch(r -> r.row() == p.row())).toList());
		model.addAttribute("draft", draft);
		if (preview != null) {
			model.addAttribute("result", preview.result());
			model.addAttribute("changes", changeLines(preview));
		}
		return "admin/evaluations/preview";
	}

	private List<ChangeLine> changeLines(EvaluationPreview preview) {
		List<ChangeLine> lines = new ArrayList<>();
		for (int i = 0; i < preview.changes().size(); i++) {
			ChangeReach reach = notifications.reachOf(preview.changes().get(i));
			lines.add(new ChangeLine(preview.result().changes().get(i), reach.followers(), reach.text()));
		}
		return lines;
	}

	/** Rows of municipalities this account may not change, each with the reason. */
	private List<InvalidEvaluations.Problem> refusedByLimits(Actor actor, List<EvaluationRow> rows) {
		List<InvalidEvaluations.Problem> refused = new ArrayList<>();
		for (EvaluationRow row : rows) {
			if (row.municipality() == null) {
				continue;
			}
			String municipality = scope.named(List.of(row.municipality())).iterator().next();
			if (!actor.mayEdit(municipality)) {
				refused.add(new InvalidEvaluations.Problem(row.row(), "municipality", municipality
						+ "の評価は、このアカウントでは取り込めません（" + String.join("・", actor.municipalities()) + " に限定されています）"));
			}
		}
		return refused;
	}

	private Actor reader() {
		Actor actor = permissions.current();
		if (!actor.mayReadConsole()) {
			throw new Forbidden("評価の取り込みを見られるのは管理者・編集者・閲覧者のアカウントです");
		}
		return actor;
	}

	private Actor importer() {
		Actor actor = reader();
		if (!mayImport(actor)) {
			throw new Forbidden(actor.role().label() + "のアカウントでは評価を取り込めません（取り込みは編集者と管理者の操作です）");
		}
		return actor;
	}

	private static boolean mayImport(Actor actor) {
		return actor.role() == Role.ADMIN || actor.role() == Role.EDITOR;
	}
}
