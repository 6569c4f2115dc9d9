package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexComponent;

import jp.shisakunavi.search.Hit;

/** A compact list of measures (a list question, or other candidates), a page at a time; rows open the card. */
final class ListCard {

	static final int PAGE_SIZE = 8;

	private ListCard() {
	}

	/** @param page 1-based */
	static FlexBubble of(String heading, List<Hit> hits, int page, Postback nextPage) {
		int from = (page - 1) * PAGE_SIZE;
		List<Hit> shown = hits.subList(Math.min(from, hits.size()), Math.min(from + PAGE_SIZE, hits.size()));
		List<FlexComponent> body = new ArrayList<>();
		body.add(Flex.title(heading));
		body.add(Flex.small(hits.size() + "件" + (hits.size() > PAGE_SIZE
				? "（" + (from + 1) + "〜" + (from + shown.size()) + "件目）" : "")));
		for (Hit hit : shown) {
			body.add(Flex.separator());
			List<FlexComponent> row = new ArrayList<>();
			row.add(Flex.body(hit.title()));
			row.add(Flex.small(describe(hit)));
			body.add(new FlexBox.Builder(FlexBox.Layout.VERTICAL, row)
				.action(Actions.postback("詳しく見る", Postback.of(Postback.DETAIL, "id", hit.id())))
				.build());
		}
		FlexBubble.Builder bubble = new FlexBubble.Builder().body(Flex.column(body));
		if (from + PAGE_SIZE < hits.size() && nextPage != null) {
			bubble.footer(Flex.column(List.of(Flex.button(Actions.postback("次の" + PAGE_SIZE + "件", nextPage), false))));
		}
		return bubble.build();
	}

	static String altText(String heading, List<Hit> hits) {
		StringBuilder text = new StringBuilder(heading).append("（").append(hits.size()).append("件）");
		hits.stream().limit(20).forEach(hit -> text.append("\n・").append(hit.title()));
		return text.toString();
	}

	private static String describe(Hit hit) {
		List<String> parts = new ArrayList<>();
		if (hit.municipality() != null) {
			parts.add(hit.municipality());
		}
		if (hit.rating() != null) {
			parts.add("評価 " + hit.rating());
		}
		if ("faq".equals(hit.type())) {
			parts.add("よくある質問");
		}
		return String.join("・", parts);
	}
}
