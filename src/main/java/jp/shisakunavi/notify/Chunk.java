package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A run of a delivery's recipients in user id order, written at once (one document, so all or nothing), split
 * into batches of at most 500 users that get the same message. Senders claim a chunk with a lease; a crashed
 * sender's chunk is taken over when the lease runs out.
 *
 * @param id the delivery's id and the chunk's number: planning the same delivery again writes the same ids
 * @param lastUserId the last recipient in the chunk, where planning continues
 * @param nextAttemptAt not sent before (backoff after a failure)
 * @param done every batch sent or failed for good
 */
@Document("delivery_chunks")
record Chunk(@Id String id, String deliveryId, int number, boolean urgent, List<Batch> batches, String lastUserId,
		Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, boolean done, Instant createdAt) {

	Chunk {
		batches = batches == null ? List.of() : List.copyOf(batches);
	}

	static String id(String deliveryId, int number) {
		return deliveryId + ":" + String.format("%06d", number);
	}
}
