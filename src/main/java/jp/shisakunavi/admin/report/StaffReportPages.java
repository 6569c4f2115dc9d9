package jp.shisakunavi.admin.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.admin.SpreadsheetUpload;
import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.RatingSymbol;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.ReportRefused;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffLinks;
import jp.shisakunavi.staff.StaleReport;

/**
 * 進捗報告: a department's obligations in the rounds open today, with a form per unit (rating from the plan's
 * legend, 実績, 課題, an optional link), saved as a draft or submitted, and a sheet of the department's rows
 * (CSV, CP932 too, or Excel) checked row by row before any is saved. Reached from LINE by a signed link
 * ({@code /staff/report?t=…}: the session then stands for that staff member, and the link leaves the address bar)
 * or by signing in with a 職員 account ({@code /admin/staff/report}). Every save is audited by {@link Reports}.
 */
@ConsoleController
class StaffReportPages {

	static final String SIGNED_IN = "/admin/staff/report";
	static final String LINKED = StaffLinks.PATH;
	private static final String MEMBER = "shisaku.staff.report.member";

	private final StaffLinks links;
	private final ReportDesk desk;
	private final Reports reports;
	private final Obligations obligations;
	private final Permissions permissions;
	private final Rounds rounds;

	/** This page in the console's navigation, for 職員 accounts. */
	@Bean
	static ConsolePage staffReportNavigation() {
		return new ConsolePage("進捗報告", SIGNED_IN, 5, actor -> actor.role() == Role.STAFF);
	}

	StaffReportPages(StaffLinks links, ReportDesk desk, Reports reports, Obligations obligations,
			Permissions permissions, Rounds rounds) {
		this.links = links;
		this.desk = desk;
		this.reports = reports;
		this.obligations = obligations;
		this.permissions = permissions;
		this.rounds = rounds;
	}

	/** A link from LINE: checked, remembered in a new session, and left behind (redirect) so it is not shared on. */
	@GetMapping(path = LINKED, params = "t")
	String open(@RequestParam String t, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<ReportDesk.Reporter> reporter = links.memberOf(t).flatMap(desk::member);
		if (reporter.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("refusal", "このリンクは有効期限が切れているか、正しくありません（職員登録が取り消された場合も開けません）。"
					+ "LINE の「職員の使い方」から新しいリンクを開いてください。");
			return "admin/report/refused";
		}
		HttpSession session = request.getSession();
		request.changeSessionId();
		session.setAttribute(MEMBER, reporter.get().actor().member().id());
		return "redirect:" + LINKED;
	}

	@GetMapping(path = LINKED, params = "!t")
	String linked(HttpSession session, HttpServletResponse response, Model model) {
		return page(linkedReporter(session), LINKED, response, model);
	}

	@GetMapping(SIGNED_IN)
	String signedIn(HttpServletResponse response, Model model) {
		return page(signedInReporter(), SIGNED_IN, response, model);
	}

	@PostMapping(LINKED + "/save")
	String saveLinked(@ModelAttribute ReportForm form, HttpSession session, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return save(linkedReporter(session), LINKED, form, response, model, redirect);
	}

	@PostMapping(SIGNED_IN + "/save")
	String saveSignedIn(@ModelAttribute ReportForm form, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return save(signedInReporter(), SIGNED_IN, form, response, model, redirect);
	}

	@PostMapping(LINKED + "/upload")
	String uploadLinked(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean submit,
			HttpSession session, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return upload(linkedReporter(session), LINKED, file, submit, response, model, redirect);
	}

	@PostMapping(SIGNED_IN + "/upload")
	String uploadSignedIn(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean submit,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return upload(signedInReporter(), SIGNED_IN, file, submit, response, model, redirect);
	}

	/** A round with what the page's departments owe in it, and how much of it is still owed. */
	record RoundSection(Round round, List<Obligation> obligations) {

		public String title() {
			return round.planTitle() + " " + FiscalYear.format(round.fiscalYear());
		}

		public String due() {
			return round.dueOn().getYear() + "年" + round.dueOn().getMonthValue() + "月" + round.dueOn().getDayOfMonth() + "日";
		}

		public long owed() {
			return obligations.stream().filter(o -> o.status().owed()).count();
		}
	}

	/** What one unit's form sends; {@code action} is 下書き保存 ({@code draft}) or 提出 ({@code submit}). */
	record ReportForm(String obligationId, Long version, String rating, String progress, String issues,
			String attachmentUrl, String action) {

		ReportDraft draft() {
			return new ReportDraft(rating, progress, issues, attachmentUrl);
		}
	}

	private String save(Optional<ReportDesk.Reporter> reporter, String base, ReportForm form,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (reporter.isEmpty()) {
			return page(reporter, base, response, model);
		}
		boolean submit = "submit".equals(form.action());
		long version = form.version() == null ? -1 : form.version();
		try {
			Obligation saved = submit ? reports.submit(reporter.get().actor(), form.obligationId(), version, form.draft())
					: reports.saveDraft(reporter.get().actor(), form.obligationId(), version, form.draft());
			redirect.addFlashAttribute("message", "「" + saved.unitTitle() + "」を" + (submit ? "提出しました" : "下書き保存しました")
					+ (submit && saved.late() ? "（締切後の提出として記録しました）" : "") + "。");
			return "redirect:" + base + "#unit-" + saved.id();
		}
		catch (ReportRefused | StaleReport e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problemUnit", form.obligationId());
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("typed", form);
			return page(reporter, base, response, model);
		}
	}

	private String upload(Optional<ReportDesk.Reporter> reporter, String base, MultipartFile file, boolean submit,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (reporter.isEmpty()) {
			return page(reporter, base, response, model);
		}
		List<Obligation> owed = desk.owedTo(reporter.get()).stream().filter(o -> o.status().editable()).toList();
		ReportSheet.Checked checked;
		try (InputStream in = file.getInputStream()) {
			checked = ReportSheet.check(SpreadsheetUpload.read(file.getOriginalFilename(), in, ReportSheet.MAX_ROWS),
					owed, obligations::legend);
		}
		catch (UnreadableFile | IOException e) {
			checked = new ReportSheet.Checked(List.of(), List.of(e.getMessage()));
		}
		if (!checked.problems().isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("uploadProblems", checked.problems());
			return page(reporter, base, response, model);
		}
		List<String> refused = new ArrayList<>();
		int saved = 0;
		for (ReportSheet.Row row : checked.rows()) {
			Obligation current = obligations.find(row.obligation().id()).orElse(row.obligation());
			try {
				if (submit) {
					reports.submit(reporter.get().actor(), current.id(), current.version(), row.report());
				}
				else {
					reports.saveDraft(reporter.get().actor(), current.id(), current.version(), row.report());
				}
				saved++;
			}
			catch (ReportRefused | StaleReport e) {
				refused.add(row.line() + "行目：" + e.getMessage());
			}
		}
		redirect.addFlashAttribute("message", saved + "件を" + (submit ? "提出しました" : "下書き保存しました") + "。");
		redirect.addFlashAttribute("uploadProblems", refused);
		return "redirect:" + base;
	}

	private String page(Optional<ReportDesk.Reporter> reporter, String base, HttpServletResponse response, Model model) {
		if (reporter.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("refusal", base.equals(LINKED)
					? "このページは LINE の職員メニューのリンクから開いてください（リンクの有効期限が切れたときは、新しいリンクを開いてください）。"
					: "進捗報告は職員のアカウントで使えます。");
			return "admin/report/refused";
		}
		Map<String, List<Obligation>> byRound = new LinkedHashMap<>();
		desk.owedTo(reporter.get()).forEach(o -> byRound.computeIfAbsent(o.roundId(), id -> new ArrayList<>()).add(o));
		Map<String, List<RatingSymbol>> legends = new LinkedHashMap<>();
		byRound.values().stream().flatMap(List::stream).forEach(o -> legends.put(o.id(), obligations.legend(o).symbols()));
		model.addAttribute("reporter", reporter.get());
		model.addAttribute("rounds", byRound.entrySet().stream()
			.flatMap(e -> rounds.find(e.getKey()).map(r -> new RoundSection(r, e.getValue())).stream())
			.toList());
		model.addAttribute("legends", legends);
		model.addAttribute("base", base);
		model.addAttribute("maxText", Reports.MAX_TEXT_LENGTH);
		return "admin/report/report";
	}

	private Optional<ReportDesk.Reporter> linkedReporter(HttpSession session) {
		return Optional.ofNullable((String) session.getAttribute(MEMBER)).flatMap(desk::member);
	}

	private Optional<ReportDesk.Reporter> signedInReporter() {
		return permissions.signedIn().flatMap(desk::account);
	}
}
