package jp.shisakunavi.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A delivery's report: what was ordered and how its batches went.
 *
 * @param parameters the client's parameters, as its {@link DeliveryClient#parameterType()}
 * @param pauseReason why it waits for an administrator, or why it went on ("resumed by an administrator")
 * @param recipients users it is sent to; {@code held}: users it is not sent to because of their daily cap
 * @param batchesCancelled batches not sent because the delivery was cancelled
 * @param recipientsSent recipients in batches LINE accepted; {@code recipientsFailed} in batches that failed
 * @param errors the distinct reasons of failed or retried batches, a few at most
 * @param finishedAt when it was sent, failed or cancelled
 */
public record DeliveryStatus(String id, String kind, Object parameters, DeliveryState state, String window,
		boolean urgent, Instant notBefore, String pauseReason, int recipients, int held, int batchesPending,
		int batchesSent, int batchesFailed, int batchesCancelled, long recipientsSent, long recipientsFailed,
		List<String> errors, Instant createdAt, Instant plannedAt, Instant finishedAt) {

	public boolean finished() {
		return state == DeliveryState.SENT || state == DeliveryState.FAILED || state == DeliveryState.CANCELLED;
	}
}
