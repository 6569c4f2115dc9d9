package jp.shisakunavi.line;

import java.util.List;

import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;

/**
 * A user deleting their data (退会 / データ削除): asked once to confirm, then everything kept about them is
 * erased — the city they chose, their notification settings, and whatever waits to be sent to them. Confirming
 * twice does no harm.
 */
@Component
class Erasure {

	static final String QUESTION = "あなたのデータ（選んだ市と通知設定）をすべて削除します。よろしいですか？";
	static final String ERASED = """
			データを削除しました。選んだ市と通知設定は残っていません。
			このアカウントからのメッセージをすべて止めるには、ブロックするか、友だちから削除してください。""";
	static final String KEPT = "削除をとりやめました。データはそのままです。";

	private final LineUsers users;

	Erasure(LineUsers users) {
		this.users = users;
	}

	List<Message> ask() {
		FlexBubble card = new FlexBubble.Builder()
			.body(Flex.column(List.of(Flex.title("データの削除"), Flex.body(QUESTION))))
			.footer(Flex.column(List.of(
					Flex.button(Actions.postback("はい、削除します", Postback.of(Postback.ERASE)), true),
					Flex.button(Actions.postback("やめる", Postback.of(Postback.KEEP)), false))))
			.build();
		return new Replies().flex(QUESTION, card).build();
	}

	List<Message> erase(LineUserId userId) {
		users.erase(userId);
		return new Replies().text(ERASED).build();
	}

	List<Message> keep() {
		return new Replies().text(KEPT).build();
	}
}
