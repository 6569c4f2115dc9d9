package jp.shisakunavi.delivery.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A run of a delivery's recipients in user id order, written at once (one document, so all or nothing), split
 * into batches of at most 500 users that get the same message. Senders claim a chunk with a lease; a crashed
 * sender's chunk is taken over when the lease runs out. It carries its delivery's window and urgency, so that
 * senders find what may go out now with one query.
 *
 * @param id the delivery's id and the chunk's number: planning the same delivery again writes the same ids
 * @param lastUserId the last recipient in the chunk, where planning continues
 * @param nextAttemptAt not sent before (backoff after a failure)
 * @param done every batch sent, failed for good or cancelled
 * @param cancelled closed because its delivery was cancelled
 */
@Document("delivery_chunks")
record Chunk(@Id String id, String deliveryId, int number, String window, boolean urgent, List<Batch> batches,
		String lastUserId, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, boolean done,
		boolean cancelled, Instant createdAt) {

	Chunk {
		batches = batches == null ? List.of() : List.copyOf(batches);
	}

	static String id(String deliveryId, int number) {
		return deliveryId + ":" + String.format("%06d", number);
	}

	/**
	 * Closes the chunk for a cancelled delivery: its batches not yet sent from {@code from} on are cancelled and
	 * forget their recipients (LINE user ids are personal data); what was sent stays as it is.
	 */
	Update cancel(Update update, int from) {
		for (int i = from; i < batches.size(); i++) {
			if (batches.get(i).status() == Batch.Status.PENDING) {
				update.set("batches." + i + ".status", Batch.Status.CANCELLED).set("batches." + i + ".userIds", List.of());
			}
		}
		return update.set("done", true).set("cancelled", true);
	}
}
