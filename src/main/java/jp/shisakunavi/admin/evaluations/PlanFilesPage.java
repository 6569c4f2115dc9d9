package jp.shisakunavi.admin.evaluations;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.plan.PlanFiles;

/**
 * The plans that are loaded, each with the data file it came from to download as it is; whether the stored plan
 * is exactly that file (a release with a corrected file is loaded again at start, keeping the ratings).
 */
@ConsoleController
class PlanFilesPage {

	private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

	private final PlanCatalog catalog;
	private final PlanFiles files;
	private final Permissions permissions;

	PlanFilesPage(PlanCatalog catalog, PlanFiles files, Permissions permissions) {
		this.catalog = catalog;
		this.files = files;
		this.permissions = permissions;
	}

	@Bean
	static ConsolePage planFilesNavigation() {
		return new ConsolePage("計画のファイル", "/admin/plans", 45, Actor::mayReadConsole);
	}

	@GetMapping("/admin/plans")
	String plans(Model model) {
		Actor actor = reader();
		PlanCatalog.Snapshot snapshot = catalog.snapshot();
		model.addAttribute("plans", snapshot.plans().stream()
			.filter(p -> actor.mayView(p.municipality()))
			.sorted(Comparator.comparing(Plan::municipality).thenComparing(Plan::id))
			.map(p -> new LoadedPlan(p, snapshot.measuresOf(p.id()).size(), files.ofPlan(p.id())))
			.toList());
		return "admin/evaluations/plans";
	}

	@GetMapping("/admin/plans/{planId}/file")
	ResponseEntity<byte[]> download(@PathVariable String planId) {
		Actor actor = reader();
		Plan plan = catalog.plan(planId).filter(p -> actor.mayView(p.municipality()))
			.orElseThrow(() -> new IllegalArgumentException("計画「" + planId + "」はありません"));
		PlanFiles.PlanDataFile file = files.ofPlan(plan.id())
			.orElseThrow(() -> new IllegalArgumentException("計画「" + plan.title() + "」のファイルはありません"));
		return ResponseEntity.ok()
			.contentType(YAML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}

	private Actor reader() {
		Actor actor = permissions.current();
		if (!actor.mayReadConsole()) {
			throw new Forbidden("計画のファイルを見られるのは管理者・編集者・閲覧者のアカウントです");
		}
		return actor;
	}

	/** A plan as stored, with its data file (none: no file of the application holds it). */
	record LoadedPlan(Plan plan, int measures, Optional<PlanFiles.PlanDataFile> file) {

		public String period() {
			return FiscalYear.format(plan.period().from()) + "〜" + FiscalYear.format(plan.period().to());
		}
	}
}
