package jp.shisakunavi.delivery.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The LINE messages of one group of a delivery, as LINE's JSON, stored once and referenced by every batch of
 * the group.
 */
@Document("delivery_messages")
record DeliveryMessage(@Id String id, String deliveryId, String json) {
}
