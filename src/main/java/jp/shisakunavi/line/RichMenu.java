package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.linecorp.bot.messaging.model.RichMenuArea;
import com.linecorp.bot.messaging.model.RichMenuBounds;
import com.linecorp.bot.messaging.model.RichMenuRequest;
import com.linecorp.bot.messaging.model.RichMenuSize;

/**
 * A rich menu at the bottom of the chat: buttons in one row, each sending its text as a message, which the
 * conversation (or a {@link ChatHandler}) answers like any question. The citizens' menu is every user's default;
 * another module declares its own menu as a bean and shows it to some users ({@link RichMenus#show}).
 *
 * @param name how the service names it (stored with the users it is shown to), e.g. {@code staff}
 * @param chatBarText the label of the bar that opens the menu
 */
public record RichMenu(String name, String chatBarText, List<Button> buttons) {

	static final int WIDTH = 2500;
	static final int HEIGHT = 843;
	static final String CITIZENS_NAME = "citizens";
	static final RichMenu CITIZENS = new RichMenu(CITIZENS_NAME, "メニュー", List.of(
			new Button(Phrases.MENU_SEARCH, Phrases.MENU_SEARCH), new Button(Phrases.MENU_RATINGS, Phrases.MENU_RATINGS),
			new Button(Phrases.MENU_NOTIFY, Phrases.MENU_NOTIFY), new Button(Phrases.MENU_HELP, Phrases.MENU_HELP)));

	/** @param text what tapping it sends, as if the user typed it */
	public record Button(String label, String text) {

		public Button {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(text, "text");
		}
	}

	public RichMenu {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(chatBarText, "chatBarText");
		buttons = List.copyOf(buttons);
		if (buttons.isEmpty() || buttons.size() > 6) {
			throw new IllegalArgumentException("a rich menu of one row has 1 to 6 buttons");
		}
	}

	List<String> labels() {
		return buttons.stream().map(Button::label).toList();
	}

	RichMenuRequest request() {
		List<RichMenuArea> areas = new ArrayList<>();
		int width = WIDTH / buttons.size();
		for (int i = 0; i < buttons.size(); i++) {
			areas.add(new RichMenuArea(new RichMenuBounds((long) i * width, 0L, (long) width, (long) HEIGHT),
					Actions.say(buttons.get(i).label(), buttons.get(i).text())));
		}
		return new RichMenuRequest(new RichMenuSize((long) WIDTH, (long) HEIGHT), true, "施策ナビ " + name,
				LineLimits.cut(chatBarText, 14), areas);
	}
}
