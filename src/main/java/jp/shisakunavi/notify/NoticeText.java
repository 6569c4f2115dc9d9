package jp.shisakunavi.notify;

import java.util.Comparator;
import java.util.List;

import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import com.linecorp.bot.messaging.model.TextMessage;

import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.RatingChange;

/**
 * The words of a notification: one message, short and plain, naming each measure with its old and new rating
 * and what the new one means; several changes become a compact list. Always within LINE's limits.
 */
final class NoticeText {

	static final String SETTINGS = "通知設定";
	private static final int TEXT_LENGTH = 5000;
	private static final int LISTED = 10;
	private static final String FOOTER = "\n\n詳しくは施策の名前を送ってください。通知の内容は「通知設定」で変えられます。";

	private NoticeText() {
	}

	static String changes(List<RatingChange> changes) {
		if (changes.size() == 1) {
			RatingChange change = changes.getFirst();
			return "【施策ナビ】評価が変わりました\n" + change.municipality() + "「" + change.unitTitle() + "」\n" + line(change)
					+ FOOTER;
		}
		return "【施策ナビ】評価の変更が" + changes.size() + "件あります\n" + list(changes) + FOOTER;
	}

	static String digest(List<RatingChange> changes) {
		return "【施策ナビ】まとめてお知らせします\n1日にお送りする通知の数を超えたため、お届けできなかった" + changes.size()
				+ "件の評価の変更です。\n" + list(changes) + FOOTER;
	}

	static String announcement(String text) {
		return "【施策ナビ】お知らせ\n" + text;
	}

	/** The message: a text with a quick reply to the settings. */
	static List<Message> message(String text) {
		String cut = text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH - 1) + "…";
		return List.of(new TextMessage.Builder(cut)
			.quickReply(new QuickReply(List.of(new QuickReplyItem(new MessageAction(SETTINGS, SETTINGS)))))
			.build());
	}

	/** By city, then fiscal year, then in the plan's order. */
	private static String list(List<RatingChange> changes) {
		StringBuilder text = new StringBuilder();
		changes.stream()
			.sorted(Comparator.comparing(RatingChange::municipality).thenComparingInt(RatingChange::fiscalYear)
				.thenComparing(RatingChange::unitId))
			.limit(LISTED).forEach(change -> text.append("\n・").append(change.municipality()).append("「")
			.append(change.unitTitle()).append("」\n　").append(line(change)));
		if (changes.size() > LISTED) {
			text.append("\nほか").append(changes.size() - LISTED).append("件");
		}
		return text.toString();
	}

	private static String line(RatingChange change) {
		String year = FiscalYear.format(change.fiscalYear());
		String now = rating(change.newRating(), change.newMeaning());
		String before = rating(change.oldRating(), change.oldMeaning());
		return switch (change.kind()) {
			case CORRECTION -> year + "の評価が訂正されました：" + before + " → " + now;
			case COMPLETED -> year + "に完了しました（評価：" + now + "）";
			case ABOLISHED -> year + "に廃止・休止になりました（評価：" + now + "）";
			case NEW_YEAR -> year + "の評価：" + now + "\n　前回の評価：" + before;
		};
	}

	/** A symbol with what it means in the plan's legend, without the legend's closing 。. */
	private static String rating(String symbol, String meaning) {
		if (symbol == null) {
			return "評価なし";
		}
		if (meaning == null || meaning.isBlank()) {
			return symbol;
		}
		String plain = meaning.strip();
		return symbol + "（" + (plain.endsWith("。") ? plain.substring(0, plain.length() - 1) : plain) + "）";
	}
}
