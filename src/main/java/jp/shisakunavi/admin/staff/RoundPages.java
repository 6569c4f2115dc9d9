package jp.shisakunavi.admin.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Publication;
import jp.shisakunavi.staff.ReportRefused;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.Review;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.RoundProgress;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaleReport;
import jp.shisakunavi.staff.StaleRound;

/**
 * 報告依頼 in the console: the rounds with a form to open one; a round's dashboard (per department submitted,
 * returned, approved and overdue, with a chart), its change form, its reports with the review (所属長承認, 承認,
 * 差戻し with a comment), publication and the export as Excel and CSV. A refused step keeps the page and says why.
 */
@ConsoleController
@RequestMapping("/admin/rounds")
class RoundPages {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final StaffAccess access;
	private final Rounds rounds;
	private final Obligations obligations;
	private final Review review;
	private final PlanCatalog catalog;
	private final ObjectMapper json;
	private final Clock clock;

	/** This page in the console's navigation: console readers and coordinating staff. */
	@Bean
	static ConsolePage roundsNavigation() {
		return new ConsolePage("報告依頼", "/admin/rounds", 600, StaffAccess::seesRounds);
	}

	RoundPages(StaffAccess access, Rounds rounds, Obligations obligations, Review review, PlanCatalog catalog,
			ObjectMapper json, Clock clock) {
		this.access = access;
		this.rounds = rounds;
		this.obligations = obligations;
		this.review = review;
		this.catalog = catalog;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		Actor actor = access.reader(null);
		model.addAttribute("rounds", rounds.of(null).stream()
			.filter(r -> actor.mayView(r.municipality()))
			.map(r -> new RoundRow(r, obligations.progress(r).total()))
			.toList());
		model.addAttribute("plans", catalog.plans().stream()
			.filter(p -> actor.mayEdit(p.municipality()) && !p.ratingScheme().isEmpty())
			.toList());
		return "admin/staff/rounds";
	}

	@PostMapping
	String open(@RequestParam String plan, @RequestParam(defaultValue = "0") int fiscalYear,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(defaultValue = "false") boolean headApprovalFirst, @RequestParam(defaultValue = "") String units,
			RedirectAttributes redirect) {
		Plan chosen = catalog.plan(plan).orElseThrow(() -> new IllegalArgumentException("計画を選んでください"));
		Actor actor = access.editor(chosen.municipality());
		try {
			Round round = rounds.open(new RoundDraft(chosen.municipality(), plan, fiscalYear, opensOn, dueOn, lines(units),
					headApprovalFirst, null), actor.username());
			redirect.addFlashAttribute("message", "報告依頼を開始しました。");
			return "redirect:/admin/rounds/" + round.id();
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/admin/rounds";
		}
	}

	@GetMapping("/{id}")
	String round(@PathVariable String id, @RequestParam(required = false) String department, Model model)
			throws JsonProcessingException {
		Round round = access.round(id);
		Actor actor = access.current();
		RoundProgress progress = obligations.progress(round);
		model.addAttribute("round", round);
		model.addAttribute("fiscalYear", FiscalYear.format(round.fiscalYear()));
		model.addAttribute("progress", progress);
		model.addAttribute("chart", json.writeValueAsString(chart(progress)));
		model.addAttribute("department", department);
		model.addAttribute("obligations", department == null || department.isBlank() ? obligations.ofRound(id)
				: obligations.ofDepartment(id, department));
		model.addAttribute("mayEdit", actor.mayEdit(round.municipality()));
		model.addAttribute("mayReview", actor.mayReview(round.municipality()));
		model.addAttribute("overdue", round.overdueOn(LocalDate.now(clock.withZone(TOKYO))));
		return "admin/staff/round";
	}

	@PostMapping("/{id}")
	String change(@PathVariable String id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(defaultValue = "false") boolean headApprovalFirst, @RequestParam(defaultValue = "") String units,
			RedirectAttributes redirect) {
		Round round = access.round(id);
		Actor actor = access.editor(round.municipality());
		try {
			rounds.change(id, version, new RoundDraft(round.municipality(), round.planId(), round.fiscalYear(), opensOn,
					dueOn, lines(units), headApprovalFirst, round.ladder()), actor.username());
			redirect.addFlashAttribute("message", "報告依頼を変更しました。作成済みの報告はそのまま残っています。");
		}
		catch (StaleRound | IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/rounds/" + id;
	}

	@PostMapping("/{id}/obligations/{obligation}/{step}")
	String review(@PathVariable String id, @PathVariable String obligation, @PathVariable String step,
			@RequestParam long version, @RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "") String department, RedirectAttributes redirect) {
		Round round = access.round(id);
		StaffActor reviewer = StaffActor.of(access.reader(round.municipality()));
		try {
			Obligation done = switch (step) {
				case "head-approve" -> review.approveAsHead(reviewer, obligation, version);
				case "approve" -> review.approve(reviewer, obligation, version);
				case "return" -> review.returnReport(reviewer, obligation, version, comment);
				default -> throw new IllegalArgumentException("その操作はありません: " + step);
			};
			redirect.addFlashAttribute("message", "「" + done.unitTitle() + "」（" + done.department() + "）を"
					+ done.status().label() + "にしました。");
		}
		catch (ReportRefused | StaleReport e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/rounds/" + id
				+ (department.isBlank() ? "" : "?department=" + UriUtils.encodeQueryParam(department, StandardCharsets.UTF_8));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable String id, RedirectAttributes redirect) {
		Round round = access.round(id);
		Publication publication = review.publish(access.reviewer(round.municipality()), id);
		redirect.addFlashAttribute("message", publication.published().size() + "件の報告を公開しました（評価の変更 "
				+ publication.ratingChanges() + "件。フォローしている市民に通知されます）。");
		if (!publication.refused().isEmpty()) {
			redirect.addFlashAttribute("error", "公開できなかった報告があります: " + publication.refused().stream()
				.map(r -> r.unitTitle() + "（" + r.reason() + "）")
				.reduce((a, b) -> a + "、" + b)
				.orElse(""));
		}
		return "redirect:/admin/rounds/" + id;
	}

	/** 「今すぐ督促する」: for whoever may review the round (the coordinating department, editors, administrators). */
	@PostMapping("/{id}/remind")
	String remind(@PathVariable String id, RedirectAttributes redirect) {
		Round round = access.round(id);
		StaffActor reviewer = access.reviewer(round.municipality());
		try {
			rounds.remindNow(id, reviewer.name());
			redirect.addFlashAttribute("message", "未提出の課の担当者に督促を送ります（今日すでに督促を受けた人には送りません）。");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/rounds/" + id;
	}

	@GetMapping("/{id}/export")
	void export(@PathVariable String id, @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response)
			throws IOException {
		RoundExport export = RoundExport.named(format);
		Round round = access.round(id);
		export.send(round, obligations.ofRound(id), response);
	}

	/** The chart's data: one bar per department, stacked by status. */
	static Map<String, Object> chart(RoundProgress progress) {
		List<RoundProgress.DepartmentProgress> rows = progress.departments();
		return Map.of("departments", rows.stream().map(RoundProgress.DepartmentProgress::department).toList(),
				"series", List.of(
						series(ReportStatus.NOT_STARTED.label() + "・" + ReportStatus.DRAFT.label(),
								rows.stream().map(r -> r.notStarted() + r.draft()).toList()),
						series(ReportStatus.SUBMITTED.label(), rows.stream().map(RoundProgress.DepartmentProgress::submitted).toList()),
						series(ReportStatus.RETURNED.label(), rows.stream().map(RoundProgress.DepartmentProgress::returned).toList()),
						series(ReportStatus.APPROVED.label(), rows.stream().map(RoundProgress.DepartmentProgress::approved).toList())),
				"overdue", rows.stream().map(RoundProgress.DepartmentProgress::overdue).toList());
	}

	private static Map<String, Object> series(String name, List<Integer> values) {
		return Map.of("name", name, "data", values);
	}

	private static List<String> lines(String units) {
		return Arrays.stream(units.split("[\\s,、]+")).filter(u -> !u.isBlank()).toList();
	}

	/** A round in the list, with its totals. */
	record RoundRow(Round round, RoundProgress.DepartmentProgress total) {

		public String fiscalYear() {
			return FiscalYear.format(round.fiscalYear());
		}
	}
}
