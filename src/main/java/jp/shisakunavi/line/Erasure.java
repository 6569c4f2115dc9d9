package jp.shisakunavi.line;

import java.util.List;

import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.notify.Subscriptions;

/**
 * A user deleting their data (退会 / データ削除): asked once to confirm, then everything kept about them is
 * erased — the city they chose and their notification settings. Confirming twice does no harm.
 */
@Component
class Erasure {

	static final String QUESTION = "あなたのデータ（選んだ市と通知設定）をすべて削除します。よろしいですか？";
	static final String ERASED = """
			データを削除しました。選んだ市と通知設定は残っていません。
			このアカウントからのメッセージをすべて止めるには、ブロックするか、友だちから削除してください。""";
	static final String KEPT = "削除をとりやめました。データはそのままです。";

	private final Citizens citizens;
	private final Subscriptions subscriptions;

	Erasure(Citizens citizens, Subscriptions subscriptions) {
		this.citizens = citizens;
		this.subscriptions = subscriptions;
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

	List<Message> erase(String userId) {
		forget(userId);
		return new Replies().text(ERASED).build();
	}

	/** Erases everything kept about the user. */
	void forget(String userId) {
		subscriptions.erase(userId);
		citizens.erase(userId);
	}

	List<Message> keep() {
		return new Replies().text(KEPT).build();
	}
}
