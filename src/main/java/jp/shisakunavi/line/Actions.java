package jp.shisakunavi.line;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.QuickReplyItem;

/** Buttons and quick replies, with labels (20) and texts (300) cut to LINE's lengths. */
public final class Actions {

	private static final int MESSAGE_TEXT_LENGTH = 300;

	private Actions() {
	}

	static Action postback(String label, Postback postback) {
		return postback(label, postback.data());
	}

	/** A button whose data (at most 300 characters) another module's {@link ChatHandler} reads back. */
	public static Action postback(String label, String data) {
		if (data.length() > Postback.MAX_DATA_LENGTH) {
			throw new IllegalArgumentException("postback data longer than " + Postback.MAX_DATA_LENGTH + " characters");
		}
		String shown = LineLimits.cut(label, LineLimits.LABEL_LENGTH);
		return new PostbackAction.Builder().label(shown).data(data).displayText(shown).build();
	}

	public static Action say(String label, String text) {
		return new MessageAction.Builder()
			.label(LineLimits.cut(label, LineLimits.LABEL_LENGTH))
			.text(LineLimits.cut(text, MESSAGE_TEXT_LENGTH))
			.build();
	}

	public static QuickReplyItem quick(Action action) {
		return new QuickReplyItem(action);
	}
}
