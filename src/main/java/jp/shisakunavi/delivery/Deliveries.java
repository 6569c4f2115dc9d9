package jp.shisakunavi.delivery;

import java.util.List;
import java.util.Optional;

/**
 * What clients and administrators do with deliveries: order one, see where each stands, preview who one would
 * reach, mark one urgent, cancel it (also while it is being sent), resume what waits for the quota.
 */
public interface Deliveries {

	/**
	 * Accepts a delivery: it is planned and sent from its {@code notBefore} on. Ordering an id that exists does
	 * nothing more, so a client may order again whatever it is not sure it ordered.
	 *
	 * @return the delivery as it stands (the earlier one, for an id ordered before)
	 * @throws IllegalArgumentException for a kind no client plans, parameters of another type, an unknown window
	 */
	DeliveryStatus order(DeliveryOrder order);

	Optional<DeliveryStatus> find(String id);

	/** The newest deliveries of every kind, newest first. */
	List<DeliveryStatus> recent(int limit);

	/** Who the order would reach now, without writing or sending anything. */
	DeliveryPreview preview(DeliveryOrder order);

	/** Sends it at once, outside its window too, and without holding anyone back by a cap; false: no such delivery. */
	boolean markUrgent(String id);

	/** Lets a delivery that waits for a decision (the quota) go on; false when it does not wait. */
	boolean resume(String id);

	/**
	 * Withdraws a delivery that is not finished: nothing more of it is planned, and its batches not yet sent are
	 * not sent (a sender in the middle of one of its chunks stops before the next batch); what was sent stays
	 * counted. False when it is finished already (or does not exist).
	 */
	boolean cancel(String id);

	/** Why sending is paused for the whole channel (LINE's monthly quota), if it is. */
	Optional<String> quotaPause();

	void resumeAfterQuota();

	/** A client has new work for its {@link DeliveryClient#schedule}: run a planning pass soon. */
	void wake();
}
