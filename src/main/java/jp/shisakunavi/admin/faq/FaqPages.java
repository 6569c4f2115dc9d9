package jp.shisakunavi.admin.faq;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.faq.FaqDraft;
import jp.shisakunavi.faq.FaqEditConflict;
import jp.shisakunavi.faq.FaqEditor;
import jp.shisakunavi.faq.FaqFilter;
import jp.shisakunavi.faq.FaqProblem;
import jp.shisakunavi.faq.FaqRecord;
import jp.shisakunavi.faq.InvalidFaq;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * The FAQ in the console: the list with filters (the table follows them with htmx), a new entry, editing with the
 * 「試す」 pane, deletion, the history with restore, and the choice about a seed file that changed after a console
 * edit. Every change goes through {@link FaqEditor}, which checks, validates, versions and audits it; a refused
 * save keeps what the editor typed and says why.
 */
@ConsoleController
@RequestMapping("/admin/faq")
class FaqPages {

	private final FaqEditor editor;
	private final FaqVisibility visibility;
	private final PlanCatalog catalog;
	private final FaqTrials trials;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage faqNavigation() {
		return new ConsolePage("FAQ", "/admin/faq", 20, Actor::mayReadConsole);
	}

	FaqPages(FaqEditor editor, FaqVisibility visibility, PlanCatalog catalog, FaqTrials trials) {
		this.editor = editor;
		this.visibility = visibility;
		this.catalog = catalog;
		this.trials = trials;
	}

	@GetMapping
	String list(@ModelAttribute("filter") FaqFilter filter,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Actor actor = visibility.requireReader();
		List<FaqRecord> readable = visibility.find(FaqFilter.ALL);
		model.addAttribute("entries", visibility.find(filter));
		model.addAttribute("categories", readable.stream().map(r -> r.content().category()).filter(Objects::nonNull)
			.collect(Collectors.toCollection(TreeSet::new)));
		model.addAttribute("tags", readable.stream().flatMap(r -> r.content().tags().stream())
			.collect(Collectors.toCollection(TreeSet::new)));
		model.addAttribute("conflicts", visibility.find(new FaqFilter(null, null, null, null, FaqFilter.State.CONFLICT)).size());
		model.addAttribute("broken", editor.brokenSeedFiles());
		model.addAttribute("municipalityChoices", catalog.municipalities());
		model.addAttribute("mayCreate", visibility.mayEditAny(actor));
		return htmx != null ? "admin/faq/list :: entries" : "admin/faq/list";
	}

	/**
	 * A new entry, optionally filled from citizens' questions (the review of unanswered questions links here):
	 * {@code ?question=…&alternates=…(one per line)&municipality=…}.
	 */
	@GetMapping("/new")
	String newEntry(@RequestParam(required = false) String question, @RequestParam(required = false) String alternates,
			@RequestParam(required = false) String municipality, Model model) {
		visibility.requireReader();
		FaqDraft draft = FaqDraft.ofQuestions(question, alternates == null ? List.of() : Arrays.asList(alternates.split("\\R")),
				municipality == null ? null : catalog.municipality(municipality).orElse(municipality));
		return form(null, FaqForm.of(draft, null), model);
	}

	@PostMapping
	String create(@ModelAttribute("form") FaqForm form, Model model, RedirectAttributes redirect) {
		try {
			FaqRecord created = editor.create(form.draft());
			return saved(created, "作成しました", redirect);
		}
		catch (InvalidFaq e) {
			model.addAttribute("problems", byField(e.problems()));
			return form(null, form, model);
		}
	}

	@GetMapping("/entry")
	String edit(@RequestParam String id, Model model) {
		FaqRecord record = visibility.existing(id);
		return form(record, FaqForm.of(record), model);
	}

	@PostMapping("/entry")
	String update(@RequestParam String id, @ModelAttribute("form") FaqForm form, Model model, RedirectAttributes redirect) {
		FaqRecord record = visibility.existing(id);
		try {
			return saved(editor.update(id, form.version() == null ? -1 : form.version(), form.draft()), "保存しました", redirect);
		}
		catch (InvalidFaq e) {
			model.addAttribute("problems", byField(e.problems()));
			return form(record, form, model);
		}
		catch (FaqEditConflict e) {
			model.addAttribute("crossed", e.getMessage());
			model.addAttribute("crossedDifferences", FieldDifference.between(e.current().content(), form.draft()));
			return form(e.current(), form.atVersion(e.current().version()), model);
		}
	}

	@PostMapping("/entry/delete")
	String delete(@RequestParam String id, @RequestParam long version, RedirectAttributes redirect) {
		FaqRecord deleted = editor.delete(id, version);
		redirect.addFlashAttribute("message", "FAQ「" + deleted.content().question() + "」を削除しました。履歴から元に戻せます。");
		return "redirect:/admin/faq";
	}

	@GetMapping("/entry/history")
	String history(@RequestParam String id, Model model) {
		FaqRecord record = visibility.existing(id);
		model.addAttribute("record", record);
		model.addAttribute("versions", editor.history(id));
		return "admin/faq/history";
	}

	@PostMapping("/entry/restore")
	String restore(@RequestParam String id, @RequestParam long version, @RequestParam long number,
			RedirectAttributes redirect) {
		return saved(editor.restore(id, version, number), "第" + number + "版の内容に戻しました", redirect);
	}

	@PostMapping("/entry/keep")
	String keep(@RequestParam String id, @RequestParam long version, RedirectAttributes redirect) {
		return saved(editor.keepConsoleVersion(id, version), "管理画面の版を残しました（ファイルの変更は取り込みません）", redirect);
	}

	@PostMapping("/entry/take-file")
	String takeFile(@RequestParam String id, @RequestParam long version, RedirectAttributes redirect) {
		return saved(editor.takeFileVersion(id, version), "ファイルの版にしました", redirect);
	}

	/** The 「試す」 pane's answer (an htmx fragment): against the saved entries, or with the form's content in place. */
	@PostMapping("/try")
	String tryQuestion(@RequestParam String against, @RequestParam(required = false) String trialQuestion,
			@RequestParam(required = false) String trialMunicipality, @RequestParam(required = false) String entryId,
			@ModelAttribute("form") FaqForm form, Model model) {
		visibility.requireReader();
		String municipality = trialMunicipality == null || trialMunicipality.isBlank() ? null : trialMunicipality;
		String id = entryId == null || entryId.isBlank() ? null : entryId;
		try {
			if (trialQuestion == null || trialQuestion.isBlank()) {
				throw new IllegalArgumentException("試す質問を入れてください");
			}
			model.addAttribute("trial", "draft".equals(against) ? trials.draft(trialQuestion, municipality, id, form.draft())
					: trials.saved(trialQuestion, municipality, id));
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("trialError", e.getMessage());
		}
		return "admin/faq/trial :: result";
	}

	private String form(FaqRecord record, FaqForm form, Model model) {
		Actor actor = visibility.requireReader();
		model.addAttribute("record", record);
		model.addAttribute("form", form);
		model.addAttribute("mayEdit", record == null ? visibility.mayEditAny(actor)
				: actor.mayEdit(record.municipality()) && !record.deleted());
		model.addAttribute("municipalityChoices", actor.mayEdit(null) ? catalog.municipalities() : editable(actor));
		model.addAttribute("common", actor.mayEdit(null));
		model.addAttribute("viewableCities", catalog.municipalities().stream().filter(actor::mayView).toList());
		model.addAttribute("categories", visibility.find(FaqFilter.ALL).stream().map(r -> r.content().category())
			.filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new)));
		if (record != null && record.inConflict() && !record.offer().removed()) {
			model.addAttribute("fileDifferences", FieldDifference.between(record.content(), record.offer().content()));
		}
		return "admin/faq/edit";
	}

	private List<String> editable(Actor actor) {
		return catalog.municipalities().stream().filter(actor::mayEdit).toList();
	}

	private static String saved(FaqRecord record, String what, RedirectAttributes redirect) {
		redirect.addAttribute("id", record.id());
		redirect.addFlashAttribute("message", what + "。");
		return "redirect:/admin/faq/entry";
	}

	private static Map<String, String> byField(List<FaqProblem> problems) {
		return problems.stream().collect(Collectors.toMap(FaqProblem::field, FaqProblem::reason, (a, b) -> a + "。" + b));
	}
}
