package jp.shisakunavi.notify;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jp.shisakunavi.delivery.DailyWindow;
import jp.shisakunavi.delivery.SendWindow;

/** The hours in which citizens are sent messages ({@code NOTIFY_SEND_WINDOW}), read once: a wrong setting stops the start. */
@Component
class CitizenWindow implements SendWindow {

	static final String NAME = "citizens";

	private final DailyWindow hours;

	CitizenWindow(NotifyProperties properties) {
		this.hours = DailyWindow.parse(NAME, "NOTIFY_SEND_WINDOW", properties.sendWindow());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean isOpen(Instant at) {
		return hours.isOpen(at);
	}

	@Override
	public LocalDate sendingDay(Instant at) {
		return hours.sendingDay(at);
	}

	@Override
	public String toString() {
		return hours.toString();
	}
}
