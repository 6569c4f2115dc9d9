/**
 * Notifications to citizens: what they follow (受信設定), the segments a change or announcement reaches, rating
 * changes collected into deliveries, held notices and the next day's digest, announcements. A client of
 * {@code delivery}, which sends them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package jp.shisakunavi.notify;
