package jp.shisakunavi.delivery.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import jp.shisakunavi.delivery.DailyWindow;
import jp.shisakunavi.delivery.SendWindow;
import org.springframework.stereotype.Component;

/** The send windows by name: those clients registered as beans, and {@link DailyWindow#ALWAYS}. */
@Component
class Windows {

	private final Map<String, SendWindow> byName = new LinkedHashMap<>();

	Windows(ObjectProvider<SendWindow> registered) {
		byName.put(DailyWindow.ALWAYS.name(), DailyWindow.ALWAYS);
		for (SendWindow window : (Iterable<SendWindow>) registered.orderedStream()::iterator) {
			if (byName.putIfAbsent(window.name(), window) != null) {
				throw new IllegalStateException("two send windows are named '" + window.name() + "'");
			}
		}
	}

	/** A window a stored delivery names that no client registers any more is never open. */
	Optional<SendWindow> find(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	SendWindow get(String name) {
		return find(name).orElseThrow(() -> new IllegalArgumentException("no send window is named '" + name + "'"));
	}

	boolean isOpen(String name, Instant at) {
		return find(name).map(w -> w.isOpen(at)).orElse(false);
	}

	List<String> openAt(Instant at) {
		return byName.values().stream().filter(w -> w.isOpen(at)).map(SendWindow::name).toList();
	}

	@Override
	public String toString() {
		return byName.values().toString();
	}
}
