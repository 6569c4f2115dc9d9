/**
 * Notifications: what citizens follow (受信設定), the segments a change or announcement reaches, and durable,
 * rate-limited delivery to LINE.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package jp.shisakunavi.notify;
