package jp.shisakunavi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When messages may go out: a client registers its windows as beans, and each delivery names the one it must
 * respect ({@link DeliveryOrder#window()}); its batches go out only while that window is open, unless the
 * delivery is urgent. Citizens' notifications have their hours (NOTIFY_SEND_WINDOW); staff reminders office
 * hours on business days. Read again at every decision, so that a window may follow a calendar or a setting.
 */
public interface SendWindow {

	ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** How deliveries name it; stored with each, so it must stay the same across versions. */
	String name();

	boolean isOpen(Instant at);

	/**
	 * The day on which something that waits at {@code at} goes out — today while open, otherwise the day of the
	 * next opening: what it counts towards in a {@link DailyCap}.
	 */
	LocalDate sendingDay(Instant at);
}
