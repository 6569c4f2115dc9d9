package jp.shisakunavi.admin.announcements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.admin.Scope;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.notify.DeliveryReport;
import jp.shisakunavi.notify.Notifications;

/**
 * Announcements to citizens in the console: compose a text (with an optional link), choose whom it goes to — the
 * followers of a city, or of its themes, pillars, departments or measures, or (for unrestricted editors) everyone
 * who follows anything — see a dry run with the counts and the exact text, then send it now or at a time. The dry
 * run gives the announcement its id, so a second click on 送る sends nothing more. Editors announce to their
 * municipalities; viewers see the page only.
 */
@ConsoleController
@RequestMapping("/admin/announcements")
class AnnouncementPages {

	private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

	private final Notifications notifications;
	private final Announcers announcers;
	private final Permissions permissions;
	private final Scope scope;
	private final AuditLog audit;
	private final Clock clock;

	AnnouncementPages(Notifications notifications, Announcers announcers, Permissions permissions, Scope scope,
			AuditLog audit, Clock clock) {
		this.notifications = notifications;
		this.announcers = announcers;
		this.permissions = permissions;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	@Bean
	static ConsolePage announcementsNavigation() {
		return new ConsolePage("お知らせ", "/admin/announcements", 50, Actor::mayReadConsole);
	}

	@GetMapping
	String compose(@RequestParam(required = false) String city, Model model) {
		Actor actor = announcers.requireReader();
		return composing(actor, AnnouncementForm.empty(city(actor, city)), Map.of(), model);
	}

	@PostMapping("/preview")
	String preview(@ModelAttribute AnnouncementForm form, Model model) {
		Actor actor = announcers.requireAnnouncer();
		Map<String, String> problems = form.problems();
		if (!problems.isEmpty()) {
			return composing(actor, form, problems, model);
		}
		requireSegment(form);
		return previewed(form.withId(UUID.randomUUID().toString()), null, model);
	}

	@PostMapping("/send")
	String send(@ModelAttribute AnnouncementForm form, @RequestParam String when, Model model,
			RedirectAttributes redirect) {
		announcers.requireAnnouncer();
		if (form.id() == null || !ID.matcher(form.id()).matches() || !form.problems().isEmpty()) {
			throw new IllegalArgumentException("このお知らせは確認の画面から送ってください");
		}
		Set<String> municipalities = requireSegment(form);
		Instant at = null;
		if (when.equals("later")) {
			try {
				at = form.scheduled(now()).atZone(AnnouncementForm.TOKYO).toInstant();
			}
			catch (IllegalArgumentException e) {
				return previewed(form, e.getMessage(), model);
			}
		}
		boolean sentBefore = notifications.find("announcement-" + form.id()).isPresent();
		DeliveryReport report = notifications.announce(form.id(), form.segment(), form.composed(), at, false);
		if (!sentBefore) {
			String whom = form.everyone() ? "すべてのフォロワー" : String.join("、", labels(form.segment()));
			audit.record(AuditChange.of("announcement.create", "お知らせを" + (at == null ? "送りました" : "予約しました")
					+ "（" + whom + "）").target(report.id()).municipalities(municipalities).after(report));
		}
		redirect.addFlashAttribute("message", at == null ? "お知らせを送りました。送信の様子はこの一覧で確かめられます。"
				: "お知らせを予約しました。送る前なら、この一覧で取り消せます。");
		return "redirect:/admin/deliveries";
	}

	/** The dry run of a composed announcement, to send or schedule; {@code problem}: why a schedule was refused. */
	private String previewed(AnnouncementForm form, String problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("preview", notifications.previewAnnouncement(form.segment(), form.composed()));
		model.addAttribute("segment", labels(form.segment()));
		model.addAttribute("earliest", now().withSecond(0).withNano(0).plusMinutes(5).toString());
		model.addAttribute("problem", problem);
		return "admin/announcements/preview";
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(AnnouncementForm.TOKYO));
	}

	private String composing(Actor actor, AnnouncementForm form, Map<String, String> problems, Model model) {
		List<String> cities = notifications.cities().stream().filter(actor::mayView).toList();
		model.addAttribute("cities", cities);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("mayAnnounce", Announcers.mayAnnounce(actor));
		model.addAttribute("mayAnnounceEverywhere", actor.mayEditEverywhere());
		if (form.city() != null && cities.contains(form.city())) {
			model.addAttribute("segments", notifications.segments(form.city()));
			model.addAttribute("mayAnnounceHere", actor.mayEdit(form.city()));
		}
		return "admin/announcements/compose";
	}

	/** The cities of the segment, which this account must be allowed to change (all of them, for everyone). */
	private Set<String> requireSegment(AnnouncementForm form) {
		for (String key : form.segment()) {
			if (notifications.label(key).isEmpty()) {
				throw new IllegalArgumentException("届ける相手「" + key + "」はありません");
			}
		}
		Set<String> municipalities = scope.ofTopics(form.segment());
		permissions.requireEditAll(municipalities);
		return municipalities;
	}

	private List<String> labels(List<String> segment) {
		return segment.stream().map(key -> notifications.label(key).orElse(key)).toList();
	}

	/** The city asked for, else the first this account may announce to (for a viewer, the first it sees). */
	private String city(Actor actor, String asked) {
		List<String> cities = notifications.cities();
		if (asked != null && cities.contains(asked) && actor.mayView(asked)) {
			return asked;
		}
		return cities.stream().filter(actor::mayEdit).findFirst()
			.orElse(cities.stream().filter(actor::mayView).findFirst().orElse(null));
	}
}
