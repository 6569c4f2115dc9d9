package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;

import jp.shisakunavi.delivery.DeliveryStatus;

/**
 * Where a delivery stands, for administrators: whom it concerns and how its batches went.
 *
 * @param changeIds the rating changes it tells about (kind CHANGES)
 * @param segment the topics whose followers get an announcement (kind ANNOUNCEMENT); empty: everyone
 * @param state PLANNED, HELD (its window is closed), SENDING, SENT, FAILED, CANCELLED or PAUSED
 * @param recipients citizens it is sent to ({@code held}: over their daily cap, waiting for the digest)
 * @param recipientsSent recipients in batches LINE accepted; {@code recipientsFailed} in batches that failed
 * @param errors the distinct reasons of failed or retried batches, a few at most
 */
public record DeliveryReport(String id, String kind, List<String> changeIds, List<String> segment, String text,
		boolean urgent, Instant notBefore, String state, String pauseReason, int recipients, int held,
		int batchesPending, int batchesSent, int batchesFailed, int batchesCancelled, long recipientsSent,
		long recipientsFailed, List<String> errors, String window, Instant createdAt, Instant plannedAt,
		Instant finishedAt) {

	static DeliveryReport of(DeliveryStatus status) {
		List<String> changeIds = status.parameters() instanceof ChangeDelivery.Changes changes ? changes.changeIds()
				: List.of();
		AnnouncementDelivery.Announcement announcement = status.parameters() instanceof AnnouncementDelivery.Announcement a
				? a : null;
		return new DeliveryReport(status.id(), status.kind(), changeIds,
				announcement == null ? List.of() : announcement.segment(), announcement == null ? null : announcement.text(),
				status.urgent(), status.notBefore(), status.state().name(), status.pauseReason(), status.recipients(),
				status.held(), status.batchesPending(), status.batchesSent(), status.batchesFailed(),
				status.batchesCancelled(), status.recipientsSent(), status.recipientsFailed(), status.errors(),
				status.window(), status.createdAt(), status.plannedAt(), status.finishedAt());
	}
}
