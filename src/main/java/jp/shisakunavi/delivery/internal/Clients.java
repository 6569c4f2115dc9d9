package jp.shisakunavi.delivery.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.users.LineUserId;

/**
 * The clients by kind, and a delivery's client bound to its stored parameters. Looked up when first needed:
 * clients order deliveries, so they are built after delivery itself.
 */
@Component
class Clients {

	private final ObjectProvider<DeliveryClient<?>> provided;
	private final MongoConverter converter;
	private volatile Map<String, DeliveryClient<?>> byKind;

	Clients(ObjectProvider<DeliveryClient<?>> provided, MongoConverter converter) {
		this.provided = provided;
		this.converter = converter;
	}

	Collection<DeliveryClient<?>> all() {
		return byKind().values();
	}

	DeliveryClient<?> of(String kind) {
		return find(kind).orElseThrow(() -> new IllegalArgumentException("no delivery client plans deliveries of kind '"
				+ kind + "'"));
	}

	Optional<DeliveryClient<?>> find(String kind) {
		return Optional.ofNullable(byKind().get(kind));
	}

	/** The order's parameters as they are stored; refused when they are not what its client reads. */
	org.bson.Document write(DeliveryOrder order) {
		DeliveryClient<?> client = of(order.kind());
		if (!client.parameterType().isInstance(order.parameters())) {
			throw new IllegalArgumentException("deliveries of kind " + order.kind() + " take "
					+ client.parameterType().getSimpleName() + ", not " + order.parameters().getClass().getSimpleName());
		}
		org.bson.Document stored = new org.bson.Document();
		converter.write(order.parameters(), stored);
		stored.remove("_class");
		return stored;
	}

	Bound<?> bind(Delivery delivery) {
		return bind(of(delivery.kind()), delivery.parameters());
	}

	/** The stored parameters as the client's type, for reports. */
	Object read(Delivery delivery) {
		return byKind().containsKey(delivery.kind()) ? bind(delivery).parameters() : delivery.parameters();
	}

	private <P> Bound<P> bind(DeliveryClient<P> client, org.bson.Document parameters) {
		return new Bound<>(client, converter.read(client.parameterType(),
				parameters == null ? new org.bson.Document() : parameters));
	}

	private Map<String, DeliveryClient<?>> byKind() {
		Map<String, DeliveryClient<?>> known = byKind;
		if (known == null) {
			known = provided.orderedStream().collect(Collectors.toMap(DeliveryClient::kind, Function.identity(), (a, b) -> {
				throw new IllegalStateException("two delivery clients for kind " + a.kind() + ": "
						+ a.getClass().getName() + " and " + b.getClass().getName());
			}));
			byKind = known;
		}
		return known;
	}

	/** A client with the parameters of one delivery. */
	record Bound<P>(DeliveryClient<P> client, P parameters) {

		Stream<Recipient> recipients(LineUserId after) {
			return client.recipients(parameters, after);
		}

		/** @throws IllegalStateException when the client renders nothing, or more than LINE takes at once */
		List<Message> render(String group) {
			List<Message> messages = client.render(parameters, group);
			if (messages == null || messages.isEmpty() || messages.size() > 5) {
				throw new IllegalStateException(client.kind() + " rendered " + (messages == null ? 0 : messages.size())
						+ " messages for one group; LINE takes 1 to 5");
			}
			return messages;
		}

		void held(LocalDate day, List<Recipient> held) {
			client.held(parameters, day, held);
		}

		void planned() {
			client.planned(parameters);
		}

		long estimatedRecipients() {
			return client.estimatedRecipients(parameters);
		}
	}
}
