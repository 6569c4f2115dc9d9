package jp.shisakunavi.line;

import java.util.Objects;

import jp.shisakunavi.users.LineUserId;

/**
 * What a user sent that a {@link ChatHandler} may answer.
 *
 * @param text the message text (stripped) or, for a postback, the data of the tapped button
 */
public record ChatInput(LineUserId user, Kind kind, String text) {

	public enum Kind {
		TEXT, POSTBACK
	}

	public ChatInput {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(kind, "kind");
		text = text == null ? "" : text;
	}

	public boolean postback() {
		return kind == Kind.POSTBACK;
	}
}
