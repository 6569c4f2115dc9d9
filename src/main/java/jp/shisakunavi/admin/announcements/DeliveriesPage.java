package jp.shisakunavi.admin.announcements;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
 * The deliveries to citizens, newest first, with their state and counts: announcements, rating-change notices and
 * digests of the account's municipalities (and those to everyone). A delivery not finished can be cancelled —
 * also while it is being sent: what went out stays counted, nothing more is sent — and one waiting for LINE's
 * quota resumed, by an editor of every municipality it concerns.
 */
@ConsoleController
class DeliveriesPage {

	private static final int SHOWN = 100;
	/** The kinds of deliveries to citizens (staff reminders have pages of their own). */
	private static final Set<String> CITIZENS = Set.of("ANNOUNCEMENT", "CHANGES", "DIGEST");

	private final Notifications notifications;
	private final Announcers announcers;
	private final Permissions permissions;
	private final Scope scope;
	private final AuditLog audit;

	DeliveriesPage(Notifications notifications, Announcers announcers, Permissions permissions, Scope scope,
			AuditLog audit) {
		this.notifications = notifications;
		this.announcers = announcers;
		this.permissions = permissions;
		this.scope = scope;
		this.audit = audit;
	}

	@Bean
	static ConsolePage deliveriesNavigation() {
		return new ConsolePage("配信", "/admin/deliveries", 55, Actor::mayReadConsole);
	}

	@GetMapping("/admin/deliveries")
	String deliveries(Model model) {
		Actor actor = announcers.requireReader();
		List<DeliveryLine> lines = notifications.recent(SHOWN).stream()
			.filter(d -> CITIZENS.contains(d.kind()))
			.map(d -> line(actor, d))
			.filter(line -> line != null)
			.toList();
		model.addAttribute("deliveries", lines);
		model.addAttribute("quotaPause", notifications.quotaPause().orElse(null));
		return "admin/announcements/deliveries";
	}

	@PostMapping("/admin/deliveries/{id}/cancel")
	String cancel(@PathVariable String id, RedirectAttributes redirect) {
		DeliveryReport before = changeable(id);
		if (notifications.cancel(id)) {
			record("delivery.cancel", "配信 " + id + " を取り消しました", before);
			redirect.addFlashAttribute("message", "配信を取り消しました。送信済みの分のほかは送りません。");
		}
		else {
			redirect.addFlashAttribute("problem", "この配信はもう終わっているため、取り消せません。");
		}
		return "redirect:/admin/deliveries";
	}

	@PostMapping("/admin/deliveries/{id}/resume")
	String resume(@PathVariable String id, RedirectAttributes redirect) {
		DeliveryReport before = changeable(id);
		if (notifications.resume(id)) {
			record("delivery.resume", "配信 " + id + " を再開しました", before);
			redirect.addFlashAttribute("message", "配信を再開しました。");
		}
		else {
			redirect.addFlashAttribute("problem", "この配信は保留中ではありません。");
		}
		return "redirect:/admin/deliveries";
	}

	private DeliveryReport changeable(String id) {
		announcers.requireAnnouncer();
		DeliveryReport before = notifications.find(id)
			.orElseThrow(() -> new IllegalArgumentException("配信「" + id + "」はありません"));
		permissions.requireEditAll(scope.ofDelivery(before));
		return before;
	}

	private void record(String action, String summary, DeliveryReport before) {
		audit.record(AuditChange.of(action, summary).target(before.id()).municipalities(scope.ofDelivery(before))
			.before(before).after(notifications.find(before.id()).orElse(null)));
	}

	/** The line of a delivery this account may see; null for one of other municipalities only. */
	private DeliveryLine line(Actor actor, DeliveryReport delivery) {
		Set<String> municipalities = scope.ofDelivery(delivery);
		if (!municipalities.isEmpty() && municipalities.stream().noneMatch(actor::mayView)) {
			return null;
		}
		List<String> segment = delivery.segment().stream().map(key -> notifications.label(key).orElse(key)).toList();
		return new DeliveryLine(delivery, segment, actor.mayEditAll(municipalities));
	}
}
