package jp.shisakunavi.line;

import java.util.List;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexSeparator;
import com.linecorp.bot.messaging.model.FlexText;

/** The few Flex parts the cards are made of, styled once; public for the cards of other modules' chats. */
public final class Flex {

	public static final String MUTED = "#6B7280";
	public static final String ACCENT = "#0B7A3E";

	private Flex() {
	}

	public static FlexText title(String text) {
		return new FlexText.Builder().text(text).size("lg").weight(FlexText.Weight.BOLD).wrap(true).build();
	}

	public static FlexText small(String text) {
		return new FlexText.Builder().text(text).size("xs").color(MUTED).wrap(true).build();
	}

	public static FlexText body(String text) {
		return new FlexText.Builder().text(text).size("sm").wrap(true).build();
	}

	public static FlexText strong(String text) {
		return new FlexText.Builder().text(text).size("md").weight(FlexText.Weight.BOLD).color(ACCENT).wrap(true).build();
	}

	public static FlexBox column(List<FlexComponent> contents) {
		return new FlexBox.Builder(FlexBox.Layout.VERTICAL, contents).spacing("sm").build();
	}

	public static FlexSeparator separator() {
		return new FlexSeparator.Builder().margin("md").build();
	}

	public static FlexButton button(Action action, boolean primary) {
		return new FlexButton.Builder(action)
			.style(primary ? FlexButton.Style.PRIMARY : FlexButton.Style.LINK)
			.height(FlexButton.Height.SM)
			.build();
	}
}
