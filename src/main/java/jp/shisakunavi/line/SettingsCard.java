package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexText;

import jp.shisakunavi.notify.Followed;
import jp.shisakunavi.notify.Topic;

/** The settings card (通知設定): what the user follows, each with 解除, and the ways to add for their city. */
final class SettingsCard {

	static final String TITLE = "通知設定";
	private static final int LABEL_LENGTH = 60;

	private SettingsCard() {
	}

	/** @param city the user's city, whose topics can be added; null before they chose one */
	static FlexBubble of(String city, List<Followed> followed) {
		List<FlexComponent> body = new ArrayList<>();
		body.add(Flex.title(TITLE));
		body.add(Flex.small("登録した施策や分野の評価が変わったときに、このトークでお知らせします。"));
		body.add(Flex.separator());
		body.add(Flex.strong("受け取っている通知（" + followed.size() + "件）"));
		if (followed.isEmpty()) {
			body.add(Flex.body("まだ登録はありません。"));
		}
		followed.forEach(f -> body.add(row(f)));
		body.add(Flex.separator());
		if (city == null) {
			body.add(Flex.small("市を選ぶと、市全体・分野・基本施策・担当課ごとに登録できます。"));
		}
		else {
			body.add(Flex.strong("追加する（" + city + "）"));
			body.add(Flex.button(Actions.postback(city + "全体", Postback.of(Postback.ADD, "t", TopicIds.of(Topic.city(city)))), false));
			for (TopicList list : TopicList.values()) {
				body.add(Flex.button(Actions.postback(list.button(), list.page(1)), false));
			}
		}
		FlexBubble.Builder bubble = new FlexBubble.Builder().body(Flex.column(body));
		if (!followed.isEmpty()) {
			bubble.footer(Flex.column(List.of(Flex.button(Actions.postback("すべて解除", Postback.of(Postback.CLEAR)), false))));
		}
		return bubble.build();
	}

	static String altText(List<Followed> followed) {
		StringBuilder text = new StringBuilder(TITLE).append("（受け取っている通知 ").append(followed.size()).append("件）");
		followed.forEach(f -> text.append("\n・").append(f.label()));
		return text.toString();
	}

	private static FlexBox row(Followed followed) {
		FlexText label = new FlexText.Builder().text(LineLimits.cut(followed.label(), LABEL_LENGTH))
			.size("sm").wrap(true).flex(1).gravity(FlexText.Gravity.CENTER).build();
		FlexButton unfollow = new FlexButton.Builder(Actions.postback("解除",
				Postback.of(Postback.UNFOLLOW, "t", TopicIds.of(followed.topic()))))
			.style(FlexButton.Style.SECONDARY).height(FlexButton.Height.SM).flex(0).build();
		return new FlexBox.Builder(FlexBox.Layout.HORIZONTAL, List.of(label, unfollow)).spacing("sm").build();
	}
}
