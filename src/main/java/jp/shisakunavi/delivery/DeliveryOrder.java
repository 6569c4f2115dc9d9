package jp.shisakunavi.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery a client asks for ({@link Deliveries#order}).
 *
 * @param id chosen by the client, unique among all deliveries (start it with the kind): ordering the same id
 *        again does nothing, so that a client that crashed between deciding and recording may simply order again
 * @param kind the client that plans it ({@link DeliveryClient#kind()})
 * @param parameters the client's own record, stored with the delivery and handed back to the client whenever it
 *        is planned (of the client's {@link DeliveryClient#parameterType()})
 * @param window the {@link SendWindow} whose hours it keeps, by name
 * @param urgent sent at once, outside the window too, and never held back by a cap
 * @param notBefore not planned before this time; null: now
 * @param cap how its messages count per recipient and day; null: not counted
 */
public record DeliveryOrder(String id, String kind, Object parameters, String window, boolean urgent, Instant notBefore,
		DailyCap cap) {

	public DeliveryOrder {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(parameters, "parameters");
		Objects.requireNonNull(window, "window");
		if (id.isBlank() || id.length() > 200 || id.contains("#")) {
			throw new IllegalArgumentException("a delivery id needs 1 to 200 characters without '#'");
		}
	}

	/** Not urgent, due now, not counted; change with the {@code with…} methods. */
	public static DeliveryOrder of(String id, String kind, Object parameters, String window) {
		return new DeliveryOrder(id, kind, parameters, window, false, null, null);
	}

	public DeliveryOrder withUrgent(boolean urgent) {
		return new DeliveryOrder(id, kind, parameters, window, urgent, notBefore, cap);
	}

	public DeliveryOrder withNotBefore(Instant notBefore) {
		return new DeliveryOrder(id, kind, parameters, window, urgent, notBefore, cap);
	}

	public DeliveryOrder withCap(DailyCap cap) {
		return new DeliveryOrder(id, kind, parameters, window, urgent, notBefore, cap);
	}
}
