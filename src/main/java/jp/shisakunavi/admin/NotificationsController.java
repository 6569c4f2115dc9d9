package jp.shisakunavi.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.notify.DeliveryReport;
import jp.shisakunavi.notify.Notifications;
import jp.shisakunavi.notify.Preview;

/**
 * Notifications for administrators: deliveries with their recipients and batches, dry runs, announcements to a
 * segment (now or scheduled), urgent changes, cancelling (also while sending), and resuming what waits for
 * LINE's quota. Reading and dry runs are open to every console role but staff; a change needs an editor of every
 * municipality it concerns (of all, for an announcement to everyone and for the quota), and goes to the audit log.
 */
@RestController
@RequestMapping("/admin/api")
class NotificationsController {

	private static final int MAX_LIMIT = 200;

	private final Notifications deliveries;
	private final Permissions permissions;
	private final Scope scope;
	private final AuditLog audit;

	NotificationsController(Notifications deliveries, Permissions permissions, Scope scope, AuditLog audit) {
		this.deliveries = deliveries;
		this.permissions = permissions;
		this.scope = scope;
		this.audit = audit;
	}

	@GetMapping("/deliveries")
	Map<String, Object> deliveries(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		return Map.of("quotaPause", deliveries.quotaPause().orElse(""), "deliveries", deliveries.recent(limit));
	}

	@GetMapping("/deliveries/{id}")
	ResponseEntity<DeliveryReport> delivery(@PathVariable String id) {
		return ResponseEntity.of(deliveries.find(id));
	}

	@PostMapping("/deliveries/{id}/resume")
	ResponseEntity<DeliveryReport> resume(@PathVariable String id) {
		return changeDelivery(id, "delivery.resume", "配信 " + id + " を再開しました", deliveries::resume);
	}

	@PostMapping("/deliveries/{id}/cancel")
	ResponseEntity<DeliveryReport> cancel(@PathVariable String id) {
		return changeDelivery(id, "delivery.cancel", "配信 " + id + " を取り消しました", deliveries::cancel);
	}

	@PostMapping("/quota/resume")
	ResponseEntity<Void> resumeAfterQuota() {
		permissions.requireEditEverywhere();
		String before = deliveries.quotaPause().orElse(null);
		deliveries.resumeAfterQuota();
		audit.record(AuditChange.of("quota.resume", "LINE の月間上限による送信の停止を解除しました").before(before));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/changes/{changeId}/delivery")
	ResponseEntity<DeliveryReport> deliveryOfChange(@PathVariable String changeId) {
		return ResponseEntity.of(deliveries.ofChange(changeId));
	}

	@PostMapping("/changes/{changeId}/preview")
	ResponseEntity<Preview> previewChange(@PathVariable String changeId) {
		return ResponseEntity.of(deliveries.previewChange(changeId));
	}

	@PostMapping("/changes/{changeId}/urgent")
	ResponseEntity<Void> urgent(@PathVariable String changeId) {
		var municipalities = scope.ofChange(changeId);
		if (municipalities.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		permissions.requireEditAll(municipalities);
		if (!deliveries.markUrgent(changeId)) {
			return ResponseEntity.notFound().build();
		}
		audit.record(AuditChange.of("change.urgent", "評価の変更 " + changeId + " の通知を至急にしました").target(changeId)
			.municipalities(municipalities));
		return ResponseEntity.noContent().build();
	}

	/**
	 * An announcement to the followers of {@code topics} (every follower when empty); {@code dryRun} only tells
	 * who would get it; {@code sendAt} schedules it (ISO-8601 with offset, e.g. 2026-12-01T09:00:00+09:00).
	 */
	@PostMapping("/announcements")
	ResponseEntity<Object> announce(@RequestBody Announcement announcement) {
		List<String> topics = announcement.topics() == null ? List.of() : announcement.topics();
		if (announcement.dryRun()) {
			return ResponseEntity.ok(deliveries.previewAnnouncement(topics, announcement.text()));
		}
		var municipalities = scope.ofTopics(topics);
		permissions.requireEditAll(municipalities);
		DeliveryReport report = deliveries.announce(topics, announcement.text(),
				announcement.sendAt() == null ? null : announcement.sendAt().toInstant(), announcement.urgent());
		audit.record(AuditChange.of("announcement.create", "お知らせを" + (report.notBefore() != null && announcement.sendAt() != null
				? "予約しました" : "送りました") + (topics.isEmpty() ? "（すべてのフォロワー）" : "（" + String.join("、", topics) + "）"))
			.target(report.id()).municipalities(municipalities).after(report));
		return ResponseEntity.status(HttpStatus.CREATED).body(report);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableAnnouncement(HttpMessageNotReadableException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"JSON として読めません。お知らせは {\"topics\": [\"city:多治見市\"], \"text\": \"…\", "
						+ "\"sendAt\": \"2026-12-01T09:00:00+09:00\"} の形で送ってください（sendAt・urgent・dryRun は省略できます）");
	}

	private ResponseEntity<DeliveryReport> changeDelivery(String id, String action, String summary,
			Predicate<String> change) {
		DeliveryReport before = deliveries.find(id).orElse(null);
		if (before == null) {
			return ResponseEntity.notFound().build();
		}
		var municipalities = scope.ofDelivery(before);
		permissions.requireEditAll(municipalities);
		if (!change.test(id)) {
			return conflictOrMissing(id);
		}
		DeliveryReport after = deliveries.find(id).orElseThrow();
		audit.record(AuditChange.of(action, summary).target(id).municipalities(municipalities).before(before).after(after));
		return ResponseEntity.ok(after);
	}

	private ResponseEntity<DeliveryReport> conflictOrMissing(String id) {
		return deliveries.find(id).map(d -> ResponseEntity.status(HttpStatus.CONFLICT).body(d))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	record Announcement(List<String> topics, String text, OffsetDateTime sendAt, boolean urgent, boolean dryRun) {
	}
}
