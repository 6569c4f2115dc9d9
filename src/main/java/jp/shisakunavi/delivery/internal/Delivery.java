package jp.shisakunavi.delivery.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;

import jp.shisakunavi.delivery.DailyCap;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.DeliveryState;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One delivery as stored: the order, and how far planning got. Planning writes its recipients into {@link Chunk}s
 * in user id order and remembers the last one written, so that a crash resumes where it stopped.
 *
 * @param parameters the client's parameters as stored (read back as its {@link DeliveryClient#parameterType()})
 * @param plannedUpTo the last user id written into a chunk
 * @param chunks chunks written so far
 * @param recipients users the delivery is sent to; {@code held}: users over their daily cap
 */
@Document("deliveries")
record Delivery(@Id String id, String kind, org.bson.Document parameters, String window, boolean urgent,
		Instant notBefore, DailyCap cap, State state, String plannedUpTo, int chunks, int recipients, int held,
		String pauseReason, Instant createdAt, Instant plannedAt, Instant finishedAt) {

	/** What the engine does with it next (what an administrator is shown is {@link DeliveryState}). */
	enum State {
		/** Recipients are being written (or will be when {@code notBefore} comes). */
		PLANNING,
		/** Every recipient is in a chunk; the senders do the rest. */
		PLANNED,
		/** Every batch is sent. */
		SENT,
		/** Every batch is sent or failed, and at least one failed. */
		FAILED,
		/** Held back because LINE's monthly quota would not cover it; an administrator resumes it. */
		PAUSED,
		/** Withdrawn by an administrator: nothing more of it is planned or sent. */
		CANCELLED
	}

	static Delivery of(DeliveryOrder order, org.bson.Document parameters, Instant now) {
		return new Delivery(order.id(), order.kind(), parameters, order.window(), order.urgent(),
				order.notBefore() == null ? now : order.notBefore(), order.cap(), State.PLANNING, "", 0, 0, 0, null, now,
				null, null);
	}

	/** Urgent deliveries are counted but never held back. */
	boolean holdsOverCap() {
		return cap != null && cap.limit() > 0 && !urgent;
	}
}
