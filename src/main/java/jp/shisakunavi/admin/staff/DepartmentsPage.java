package jp.shisakunavi.admin.staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.staff.DepartmentMapping;
import jp.shisakunavi.staff.InvalidRows;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffDepartments;

/**
 * 部署 in the console: a city's departments by their current names, the renamings (aliases) with a form to add
 * or end one, and per plan the mapping of units to departments with its upload (CSV or Excel: 施策ID, 担当課,
 * 関係課). After a change the city's rounds owe by it; reports already made are kept.
 */
@ConsoleController
@RequestMapping("/admin/staff/departments")
class DepartmentsPage {

	private final StaffAccess access;
	private final StaffDepartments departments;
	private final Rounds rounds;
	private final PlanCatalog catalog;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage departmentsNavigation() {
		return new ConsolePage("部署", "/admin/staff/departments", 620, Actor::mayReadConsole);
	}

	DepartmentsPage(StaffAccess access, StaffDepartments departments, Rounds rounds, PlanCatalog catalog) {
		this.access = access;
		this.departments = departments;
		this.rounds = rounds;
		this.catalog = catalog;
	}

	@GetMapping
	String page(@RequestParam(required = false) String municipality, Model model) {
		Actor actor = access.reader(null);
		List<String> cities = access.municipalities(actor);
		String city = municipality != null && cities.contains(municipality) ? municipality
				: cities.isEmpty() ? null : cities.getFirst();
		model.addAttribute("municipalities", cities);
		model.addAttribute("municipality", city);
		if (city != null) {
			access.reader(city);
			List<Plan> plans = catalog.plans().stream().filter(p -> p.municipality().equals(city)).toList();
			model.addAttribute("departments", departments.of(city));
			model.addAttribute("aliases", departments.aliases(city));
			model.addAttribute("plans", plans.stream()
				.map(p -> new PlanMappings(p, departments.mappings(p.id())))
				.toList());
			model.addAttribute("mayEdit", actor.mayEdit(city));
		}
		return "admin/staff/departments";
	}

	@PostMapping("/aliases")
	String addAlias(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
			RedirectAttributes redirect) {
		Actor actor = access.editor(municipality);
		try {
			departments.addAlias(municipality, from, to, actor.username());
			rounds.rederive(municipality, null);
			redirect.addFlashAttribute("message", "「" + from.strip() + "」を「" + to.strip() + "」と読み替えます。報告依頼にも反映しました。");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return back(municipality);
	}

	@PostMapping("/aliases/remove")
	String removeAlias(@RequestParam String municipality, @RequestParam String from, RedirectAttributes redirect) {
		access.editor(municipality);
		departments.removeAlias(municipality, from);
		rounds.rederive(municipality, null);
		redirect.addFlashAttribute("message", "「" + from + "」の読み替えをやめました。");
		return back(municipality);
	}

	@PostMapping("/mapping")
	String upload(@RequestParam String plan, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		Plan chosen = catalog.plan(plan).orElseThrow(() -> new IllegalArgumentException("計画「" + plan + "」はありません"));
		Actor actor = access.editor(chosen.municipality());
		try (InputStream content = file.getInputStream()) {
			List<DepartmentMapping> stored = departments.importMapping(plan,
					MappingUpload.read(file.getOriginalFilename(), content), actor.username());
			rounds.rederive(chosen.municipality(), plan);
			redirect.addFlashAttribute("message", chosen.title() + "の担当課の割り当てを" + stored.size()
					+ "件登録しました。報告依頼にも反映しました。");
		}
		catch (InvalidRows e) {
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("problems", e.problems());
		}
		catch (UnreadableFile e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return back(chosen.municipality());
	}

	private static String back(String municipality) {
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/staff/departments")
			.queryParam("municipality", municipality)
			.encode()
			.toUriString();
	}

	/** A plan with the mapping kept for it. */
	record PlanMappings(Plan plan, List<DepartmentMapping> mappings) {
	}
}
