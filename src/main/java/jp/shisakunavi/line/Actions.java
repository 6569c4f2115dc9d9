package jp.shisakunavi.line;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.QuickReplyItem;

/** Buttons and quick replies, with labels (20) and texts (300) cut to LINE's lengths. */
final class Actions {

	private static final int MESSAGE_TEXT_LENGTH = 300;

	private Actions() {
	}

	static Action postback(String label, Postback postback) {
		String shown = LineLimits.cut(label, LineLimits.LABEL_LENGTH);
		return new PostbackAction.Builder().label(shown).data(postback.data()).displayText(shown).build();
	}

	static Action say(String label, String text) {
		return new MessageAction.Builder()
			.label(LineLimits.cut(label, LineLimits.LABEL_LENGTH))
			.text(LineLimits.cut(text, MESSAGE_TEXT_LENGTH))
			.build();
	}

	static QuickReplyItem quick(Action action) {
		return new QuickReplyItem(action);
	}
}
