package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;

/**
 * Where a delivery stands, for administrators: whom it concerns and how its batches went.
 *
 * @param recipients citizens it is sent to ({@code held}: over their daily cap, waiting for the digest)
 * @param recipientsSent recipients in batches LINE accepted; {@code recipientsFailed} in batches that failed
 * @param errors the distinct reasons of failed or retried batches, a few at most
 */
public record DeliveryReport(String id, String kind, List<String> changeIds, List<String> segment, String text,
		boolean urgent, Instant notBefore, String state, String pauseReason, int recipients, int held,
		int batchesPending, int batchesSent, int batchesFailed, long recipientsSent, long recipientsFailed,
		List<String> errors, Instant createdAt, Instant plannedAt) {
}
