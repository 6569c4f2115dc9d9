package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexComponent;

import jp.shisakunavi.notify.Followed;

/**
 * A page of themes, pillars or departments to follow; a row is tapped to follow it. Pages keep the card short
 * however many departments a city has.
 */
final class ChoiceCard {

	static final int PAGE_SIZE = 10;

	private ChoiceCard() {
	}

	/** @param page 1-based */
	static FlexBubble of(String heading, List<Followed> choices, Set<String> followedKeys, int page, Postback nextPage) {
		int from = Math.min((page - 1) * PAGE_SIZE, choices.size());
		List<Followed> shown = choices.subList(from, Math.min(from + PAGE_SIZE, choices.size()));
		List<FlexComponent> body = new ArrayList<>();
		body.add(Flex.title(heading));
		body.add(Flex.small("押すと通知を登録します。" + choices.size() + "件"
				+ (choices.size() > PAGE_SIZE ? "（" + (from + 1) + "〜" + (from + shown.size()) + "件目）" : "")));
		for (Followed choice : shown) {
			body.add(Flex.separator());
			List<FlexComponent> row = new ArrayList<>();
			row.add(Flex.body(choice.label()));
			if (followedKeys.contains(choice.topic().key())) {
				row.add(Flex.small("登録済み"));
			}
			body.add(new FlexBox.Builder(FlexBox.Layout.VERTICAL, row)
				.action(Actions.postback(choice.label(), Postback.of(Postback.ADD, "t", TopicIds.of(choice.topic()))))
				.build());
		}
		FlexBubble.Builder bubble = new FlexBubble.Builder().body(Flex.column(body));
		if (from + PAGE_SIZE < choices.size()) {
			bubble.footer(Flex.column(List.of(Flex.button(Actions.postback("次の" + PAGE_SIZE + "件", nextPage), false))));
		}
		return bubble.build();
	}

	static String altText(String heading, List<Followed> choices) {
		StringBuilder text = new StringBuilder(heading).append("（").append(choices.size()).append("件）");
		choices.stream().limit(30).forEach(choice -> text.append("\n・").append(choice.label()));
		return text.toString();
	}
}
