package jp.shisakunavi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.users.LineUserId;

/**
 * What a client of delivery provides, as a bean, for the deliveries of its {@link #kind()}: who receives one,
 * and what they are sent. Delivery calls it while planning, on one instance at a time, and again after a crash
 * or when another instance takes over; so {@link #recipients} must give the same users in the same order each
 * time, and {@link #render} the same message for the same group.
 *
 * <p>Delivery does the rest: it leaves out users who blocked the account, counts and caps per recipient and day,
 * writes the recipients in chunks of batches with their retry keys, and sends them within the delivery's window
 * through LINE's multicast (or the chat simulator's inbox for {@code sim-…} users), exactly once.
 *
 * @param <P> the client's parameters of one delivery ({@link DeliveryOrder#parameters()}): a record that Spring
 *        Data can store
 */
public interface DeliveryClient<P> {

	/** The kind of deliveries it plans; one client per kind. Stored with each delivery, so keep it stable. */
	String kind();

	Class<P> parameterType();

	/**
	 * The recipients in ascending user id order (String order of {@link LineUserId#value()}), each once,
	 * strictly after {@code after} ({@link LineUserId#START} at the beginning): planning resumes from the last
	 * user it wrote. Read lazily (a database cursor), so that memory stays flat however many there are; the
	 * stream is closed when planning stops.
	 */
	Stream<Recipient> recipients(P parameters, LineUserId after);

	/** The messages (1 to 5, within LINE's limits) that the recipients of one group get. */
	List<Message> render(P parameters, String group);

	/**
	 * Recipients not sent this delivery because they reached the {@link DailyCap} of their day; called before
	 * they are recorded as planned, and again with the same recipients if planning is repeated after a crash, so
	 * keep what is done idempotent. By default they get nothing of it.
	 */
	default void held(P parameters, LocalDate day, List<Recipient> held) {
	}

	/**
	 * Every recipient is planned. Called before the delivery is marked planned, and again if a crash came in
	 * between: keep it idempotent.
	 */
	default void planned(P parameters) {
	}

	/**
	 * At most how many recipients it reaches, cheaply counted: a delivery to at least {@code shisaku.delivery.quota-check-from} (1,000)
	 * first checks that LINE's monthly quota covers it. 0: too few to check.
	 */
	default long estimatedRecipients(P parameters) {
		return 0;
	}

	/**
	 * Called before each planning pass on the one instance that plans (every poll interval, and when woken by
	 * {@link Deliveries#wake()}): where a client turns its own durable work into orders. Never at the same time
	 * on two instances while the planning lease holds.
	 */
	default void schedule(Instant now) {
	}

	/**
	 * A delivery of its kind stored by the version before delivery was its own module (without a window, the
	 * client's parameters among its fields): the order it would be now, for delivery to go on with from where it
	 * got. Called once per such delivery at start-up. Empty: the client had no such deliveries.
	 */
	default Optional<DeliveryOrder> adopt(String id, Map<String, Object> stored) {
		return Optional.empty();
	}
}
