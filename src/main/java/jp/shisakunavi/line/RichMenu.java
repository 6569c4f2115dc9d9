package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.RichMenuArea;
import com.linecorp.bot.messaging.model.RichMenuBounds;
import com.linecorp.bot.messaging.model.RichMenuRequest;
import com.linecorp.bot.messaging.model.RichMenuSize;

/**
 * The rich menu at the bottom of the chat: four buttons in one row. Each sends its label as a message, which the
 * conversation answers like any question (see {@link Phrases}).
 */
final class RichMenu {

	static final int WIDTH = 2500;
	static final int HEIGHT = 843;
	static final List<String> LABELS = List.of(Phrases.MENU_SEARCH, Phrases.MENU_RATINGS, Phrases.MENU_NOTIFY,
			Phrases.MENU_HELP);

	private RichMenu() {
	}

	static RichMenuRequest request() {
		List<RichMenuArea> areas = new ArrayList<>();
		int width = WIDTH / LABELS.size();
		for (int i = 0; i < LABELS.size(); i++) {
			areas.add(new RichMenuArea(new RichMenuBounds((long) i * width, 0L, (long) width, (long) HEIGHT),
					Actions.say(LABELS.get(i), LABELS.get(i))));
		}
		return new RichMenuRequest(new RichMenuSize((long) WIDTH, (long) HEIGHT), true, "施策ナビ メニュー", "メニュー", areas);
	}
}
