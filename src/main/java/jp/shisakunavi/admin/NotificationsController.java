package jp.shisakunavi.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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

import jp.shisakunavi.notify.DeliveryReport;
import jp.shisakunavi.notify.Notifications;
import jp.shisakunavi.notify.Preview;

/**
 * Notifications for administrators: deliveries with their recipients and batches, dry runs, announcements to a
 * segment (now or scheduled), urgent changes, cancelling (also while sending), and resuming what waits for
 * LINE's quota.
 */
@RestController
@RequestMapping("/admin/api")
class NotificationsController {

	private static final int MAX_LIMIT = 200;

	private final Notifications notifications;

	NotificationsController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/deliveries")
	Map<String, Object> deliveries(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		return Map.of("quotaPause", notifications.quotaPause().orElse(""), "deliveries", notifications.recent(limit));
	}

	@GetMapping("/deliveries/{id}")
	ResponseEntity<DeliveryReport> delivery(@PathVariable String id) {
		return ResponseEntity.of(notifications.find(id));
	}

	@PostMapping("/deliveries/{id}/resume")
	ResponseEntity<DeliveryReport> resume(@PathVariable String id) {
		return notifications.resume(id) ? ResponseEntity.of(notifications.find(id)) : conflictOrMissing(id);
	}

	@PostMapping("/deliveries/{id}/cancel")
	ResponseEntity<DeliveryReport> cancel(@PathVariable String id) {
		return notifications.cancel(id) ? ResponseEntity.of(notifications.find(id)) : conflictOrMissing(id);
	}

	@PostMapping("/quota/resume")
	ResponseEntity<Void> resumeAfterQuota() {
		notifications.resumeAfterQuota();
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/changes/{changeId}/delivery")
	ResponseEntity<DeliveryReport> deliveryOfChange(@PathVariable String changeId) {
		return ResponseEntity.of(notifications.ofChange(changeId));
	}

	@PostMapping("/changes/{changeId}/preview")
	ResponseEntity<Preview> previewChange(@PathVariable String changeId) {
		return ResponseEntity.of(notifications.previewChange(changeId));
	}

	@PostMapping("/changes/{changeId}/urgent")
	ResponseEntity<Void> urgent(@PathVariable String changeId) {
		return notifications.markUrgent(changeId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	/**
	 * An announcement to the followers of {@code topics} (every follower when empty); {@code dryRun} only tells
	 * who would get it; {@code sendAt} schedules it (ISO-8601 with offset, e.g. 2026-12-01T09:00:00+09:00).
	 */
	@PostMapping("/announcements")
	ResponseEntity<Object> announce(@RequestBody Announcement announcement) {
		List<String> topics = announcement.topics() == null ? List.of() : announcement.topics();
		if (announcement.dryRun()) {
			return ResponseEntity.ok(notifications.previewAnnouncement(topics, announcement.text()));
		}
		DeliveryReport report = notifications.announce(topics, announcement.text(),
				announcement.sendAt() == null ? null : announcement.sendAt().toInstant(), announcement.urgent());
		return ResponseEntity.status(HttpStatus.CREATED).body(report);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableAnnouncement(HttpMessageNotReadableException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"JSON として読めません。お知らせは {\"topics\": [\"city:多治見市\"], \"text\": \"…\", "
						+ "\"sendAt\": \"2026-12-01T09:00:00+09:00\"} の形で送ってください（sendAt・urgent・dryRun は省略できます）");
	}

	private ResponseEntity<DeliveryReport> conflictOrMissing(String id) {
		return notifications.find(id).map(d -> ResponseEntity.status(HttpStatus.CONFLICT).body(d))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	record Announcement(List<String> topics, String text, OffsetDateTime sendAt, boolean urgent, boolean dryRun) {
	}
}
