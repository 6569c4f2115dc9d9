/**
 * Delivery: messages to LINE users, durable and exactly once — recipients planned in id order into chunks of
 * batches with retry keys, sent by leased senders within each delivery's send window, at LINE's rate and within
 * its quota, to users who can be reached, counted per recipient and day. It knows recipients and messages, not
 * why they are sent: its clients (citizens' notifications, staff reminders) implement {@link
 * jp.shisakunavi.delivery.DeliveryClient} and order through {@link jp.shisakunavi.delivery.Deliveries}. This
 * package is what other modules use; {@code internal} is how it works.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package jp.shisakunavi.delivery;
