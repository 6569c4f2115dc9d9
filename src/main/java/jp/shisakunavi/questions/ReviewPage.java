package jp.shisakunavi.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.faq.FaqDraft;
import jp.shisakunavi.faq.FaqEditConflict;
import jp.shisakunavi.faq.FaqEditor;
import jp.shisakunavi.faq.FaqEntryGone;
import jp.shisakunavi.faq.FaqRecord;
import jp.shisakunavi.faq.InvalidFaq;
import jp.shisakunavi.plan.Department;
import jp.shisakunavi.plan.Item;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.search.UnitPhrasings;

/**
 * 質問の振り返り: the review queue in the console. Each group can become alternate phrasings of a FAQ entry, search
 * vocabulary of a measure ({@link UnitPhrasings}), a new FAQ entry (the editor opens filled with the questions), be marked out of scope, or be assigned to a department
 * with a status; every decision is audited, and a group something was done about is asked again on every view,
 * showing which of its wordings the bot answers now. Viewers see the queue; acting needs an editor of the city.
 */
@ConsoleController
@RequestMapping("/admin/review")
class ReviewPage {

	static final int PAGE_SIZE = 30;

	private final ReviewQueue queue;
	private final FaqEditor faq;
	private final PlanCatalog catalog;
	private final Permissions permissions;
	private final AuditLog audit;
	private final UnitPhrasings vocabulary;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage reviewNavigation() {
		return new ConsolePage("質問の振り返り", "/admin/review", 30, Actor::mayReadConsole);
	}

	ReviewPage(ReviewQueue queue, FaqEditor faq, PlanCatalog catalog, Permissions permissions, AuditLog audit,
			UnitPhrasings vocabulary) {
		this.queue = queue;
		this.faq = faq;
		this.catalog = catalog;
		this.permissions = permissions;
		this.audit = audit;
		this.vocabulary = vocabulary;
	}

	@GetMapping
	String queue(@RequestParam(required = false) String municipality,
			@RequestParam(required = false, defaultValue = "OPEN") ReviewQueue.Show show, Model model) {
		Actor actor = reader();
		String city = city(municipality);
		List<ReviewGroup> groups = queue.groups(actor, city, show);
		List<GroupView> views = groups.stream().limit(PAGE_SIZE).map(g -> view(actor, g)).toList();
		model.addAttribute("groups", views);
		model.addAttribute("total", groups.size());
		model.addAttribute("municipality", city);
		model.addAttribute("show", show);
		model.addAttribute("shows", ReviewQueue.Show.values());
		model.addAttribute("progresses", Review.Progress.values());
		model.addAttribute("municipalityChoices", catalog.municipalities().stream().filter(actor::mayView).toList());
		model.addAttribute("overlap", (int) Math.round(Grouping.OVERLAP * 100));
		return "questions/review";
	}

	@PostMapping("/alternates")
	String alternates(@RequestParam List<String> ids, @RequestParam(required = false) String municipality,
			@RequestParam String faqChoice, @RequestParam(required = false) List<String> phrasings,
			RedirectAttributes redirect) {
		String city = city(municipality);
		Actor actor = permissions.requireEdit(city);
		int colon = faqChoice.indexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("言い換えを加える FAQ を選んでください");
		}
		long version = Long.parseLong(faqChoice.substring(0, colon));
		String faqId = faqChoice.substring(colon + 1);
		if (phrasings == null || phrasings.isEmpty()) {
			return failed(redirect, city, "加える質問を1つ以上選んでください。");
		}
		FaqRecord updated;
		try {
			updated = faq.addAlternates(faqId, version, phrasings);
		}
		catch (FaqEntryGone | FaqEditConflict | InvalidFaq e) {
			return failed(redirect, city, e.getMessage());
		}
		Review review = queue.decide(ids, city, actor, Review.Action.ALTERNATES, Review.Progress.DONE, null, faqId);
		audit(ids, city, review, "質問の振り返り：" + phrasings.size() + " 件の質問（「" + phrasings.getFirst() + "」など）を FAQ「"
				+ updated.content().question() + "」の言い換えに加えました");
		return done(redirect, city, "FAQ「" + updated.content().question() + "」の言い換えに加えました。数秒で回答に反映されます。");
	}

	@PostMapping("/vocabulary")
	String vocabulary(@RequestParam List<String> ids, @RequestParam(required = false) String municipality,
			@RequestParam String unitId, @RequestParam(required = false) List<String> phrasings,
			RedirectAttributes redirect) {
		String city = city(municipality);
		Actor actor = permissions.requireEdit(city);
		Optional<Measure> measure = catalog.measureHolding(unitId);
		if (measure.isEmpty()) {
			return failed(redirect, city, "この施策は見つかりません。計画が更新された可能性があります。");
		}
		if (!Objects.equals(measure.get().municipality(), city)) {
			throw new IllegalArgumentException("この施策は " + measure.get().municipality() + " のものです");
		}
		if (phrasings == null || phrasings.isEmpty()) {
			return failed(redirect, city, "加える質問を1つ以上選んでください。");
		}
		String title = unitTitle(measure.get(), unitId);
		List<String> added = vocabulary.add(unitId, phrasings, actor.username());
		Review review = queue.decide(ids, city, actor, Review.Action.VOCABULARY, Review.Progress.DONE, null, unitId);
		audit(ids, city, review, "質問の振り返り：" + added.size() + " 件の言い回し（" + String.join("、", added) + "）を施策「" + title
				+ "」の検索語に加えました");
		return done(redirect, city, "施策「" + title + "」の検索語に加えました。数秒で回答に反映されます。");
	}

	@PostMapping("/new-faq")
	String newFaq(@RequestParam List<String> ids, @RequestParam(required = false) String municipality,
			@RequestParam List<String> phrasings) {
		String city = city(municipality);
		Actor actor = permissions.requireEdit(city);
		Review review = queue.decide(ids, city, actor, Review.Action.NEW_FAQ, Review.Progress.IN_PROGRESS, null, null);
		audit(ids, city, review, "質問の振り返り：「" + phrasings.getFirst() + "」などの質問から新しい FAQ を作り始めました");
		FaqDraft draft = FaqDraft.ofQuestions(phrasings.getFirst(), phrasings.subList(1, phrasings.size()), city);
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/faq/new")
			.queryParam("question", draft.question())
			.queryParam("alternates", String.join("\n", draft.alternates()))
			.queryParamIfPresent("municipality", Optional.ofNullable(city))
			.encode().build().toUriString();
	}

	@PostMapping("/out-of-scope")
	String outOfScope(@RequestParam List<String> ids, @RequestParam(required = false) String municipality,
			@RequestParam String text, RedirectAttributes redirect) {
		String city = city(municipality);
		Actor actor = permissions.requireEdit(city);
		Review review = queue.decide(ids, city, actor, Review.Action.OUT_OF_SCOPE, Review.Progress.DONE, null, null);
		audit(ids, city, review, "質問の振り返り：「" + text + "」など " + ids.size() + " 件を対象外にしました");
		return done(redirect, city, "「" + text + "」などを対象外にしました。");
	}

	@PostMapping("/assign")
	String assign(@RequestParam List<String> ids, @RequestParam(required = false) String municipality,
			@RequestParam String text, @RequestParam String department, @RequestParam Review.Progress progress,
			RedirectAttributes redirect) {
		String city = city(municipality);
		Actor actor = permissions.requireEdit(city);
		if (department.isBlank()) {
			return failed(redirect, city, "割り当てる担当課を入れてください。");
		}
		Review review = queue.decide(ids, city, actor, Review.Action.ASSIGNED, progress, department.strip(), null);
		audit(ids, city, review, "質問の振り返り：「" + text + "」など " + ids.size() + " 件を" + department.strip() + "に割り当てました（"
				+ progress.label() + "）");
		return done(redirect, city, "「" + text + "」などを" + department.strip() + "に割り当てました（" + progress.label() + "）。");
	}

	/** A group as the page shows it: what may be done with it and, once something was done, how it is answered now. */
	record GroupView(ReviewGroup group, boolean mayAct, List<FaqChoice> faqChoices, List<UnitChoice> unitChoices,
			List<String> departments,
			List<ReviewQueue.Recheck> recheck, String actionLabel, String progressLabel) {
	}

	/** A FAQ entry to add the questions to, with the version the editor sees. */
	record FaqChoice(String value, String question, boolean suggested) {
	}

	/** A measure or item whose search vocabulary the questions may become. */
	record UnitChoice(String id, String title, boolean suggested) {
	}

	private GroupView view(Actor actor, ReviewGroup group) {
		boolean mayAct = actor.mayEdit(group.municipality());
		Review review = group.review();
		return new GroupView(group, mayAct, mayAct ? faqChoices(actor, group) : List.of(), mayAct ? unitChoices(group) : List.of(),
				mayAct ? departments(group.municipality()) : List.of(), review == null ? List.of() : queue.recheck(group),
				review == null ? null : review.action().label(), review == null ? Review.Progress.TODO.label() : review.progress().label());
	}

	/**
	 * The entries the search offered for these questions first, then every other entry of the city and common ones;
	 * only those the account may change.
	 */
	private List<FaqChoice> faqChoices(Actor actor, ReviewGroup group) {
		Map<String, FaqChoice> choices = new LinkedHashMap<>();
		for (LoggedQuestion.Candidate candidate : group.faqCandidates()) {
			faq.find(candidate.id()).filter(r -> !r.deleted() && actor.mayEdit(r.municipality()))
				.ifPresent(r -> choices.put(r.id(), new FaqChoice(r.version() + ":" + r.id(), r.content().question(), true)));
		}
		faq.all().stream()
			.filter(r -> !r.deleted() && actor.mayEdit(r.municipality())
					&& (r.municipality() == null || Objects.equals(r.municipality(), group.municipality())))
			.forEach(r -> choices.putIfAbsent(r.id(), new FaqChoice(r.version() + ":" + r.id(), r.content().question(), false)));
		return new ArrayList<>(choices.values());
	}

	/** The measures and items the search offered first, then every measure of the city's plans, newest plan first. */
	private List<UnitChoice> unitChoices(ReviewGroup group) {
		Map<String, UnitChoice> choices = new LinkedHashMap<>();
		for (LoggedQuestion.Candidate candidate : group.unitCandidates()) {
			catalog.measureHolding(candidate.id()).filter(m -> Objects.equals(m.municipality(), group.municipality()))
				.ifPresent(m -> choices.put(candidate.id(), new UnitChoice(candidate.id(), unitTitle(m, candidate.id()), true)));
		}
		catalog.plans().stream().filter(p -> p.municipality().equals(group.municipality()))
			.sorted((a, b) -> Integer.compare(b.period().from(), a.period().from()))
			.forEach(p -> catalog.measuresOf(p.id()).forEach(m -> choices.putIfAbsent(m.id(),
					new UnitChoice(m.id(), m.title() + "（" + p.title() + "）", false))));
		return new ArrayList<>(choices.values());
	}

	/** The title of the measure or of its item {@code unitId}. */
	private static String unitTitle(Measure measure, String unitId) {
		return measure.items().filter(i -> i.id().equals(unitId)).map(Item::title).findFirst().orElse(measure.title());
	}

	private List<String> departments(String municipality) {
		Set<String> names = new LinkedHashSet<>();
		catalog.plans().stream().filter(p -> p.municipality().equals(municipality))
			.flatMap(p -> catalog.measuresOf(p.id()).stream())
			.flatMap(m -> m.departments().stream())
			.map(Department::name)
			.forEach(names::add);
		return List.copyOf(names);
	}

	private void audit(List<String> ids, String city, Review review, String summary) {
		audit.record(AuditChange.of("review." + review.action().name().toLowerCase(Locale.ROOT).replace('_', '-'), summary)
			.target(ids.getFirst()).municipality(city).after(Map.of("questions", ids.size(), "review", review)));
	}

	private Actor reader() {
		Actor actor = permissions.current();
		if (!actor.mayReadConsole()) {
			throw new Forbidden("質問の振り返りを見られるのは管理者・編集者・閲覧者のアカウントです");
		}
		return actor;
	}

	private static String city(String municipality) {
		return municipality == null || municipality.isBlank() ? null : municipality;
	}

	private static String done(RedirectAttributes redirect, String city, String message) {
		redirect.addFlashAttribute("message", message);
		return back(redirect, city);
	}

	private static String failed(RedirectAttributes redirect, String city, String error) {
		redirect.addFlashAttribute("error", error);
		return back(redirect, city);
	}

	/** Back to the queue with every group shown, so that the group just decided on is there with its recheck. */
	private static String back(RedirectAttributes redirect, String city) {
		if (city != null) {
			redirect.addAttribute("municipality", city);
		}
		redirect.addAttribute("show", ReviewQueue.Show.ALL);
		return "redirect:/admin/review";
	}
}
