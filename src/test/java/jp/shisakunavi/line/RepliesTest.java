package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexCarousel;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.TextMessage;

/** Answers are cut to LINE's size limits, keeping as much as fits. */
class RepliesTest {

	@Test
	void aCarouselKeepsTheBubblesThatFitIn50Kilobytes() {
		List<FlexBubble> bubbles = IntStream.range(0, 12)
			.mapToObj(i -> new FlexBubble.Builder().body(Flex.column(List.of(Flex.body(i + "番目" + "あ".repeat(1900 + i)))))
				.build())
			.toList();

		FlexCarousel sent = (FlexCarousel) ((FlexMessage) new Replies().flex("候補", new FlexCarousel(bubbles)).build()
			.getFirst()).contents();

		assertThat(sent.contents()).hasSizeBetween(1, 11).isEqualTo(bubbles.subList(0, sent.contents().size()));
		assertThat(Replies.size(sent)).isLessThanOrEqualTo(LineLimits.CAROUSEL_BYTES);
		List<FlexBubble> oneMore = new ArrayList<>(sent.contents());
		oneMore.add(bubbles.get(sent.contents().size()));
		assertThat(Replies.size(new FlexCarousel(oneMore))).isGreaterThan(LineLimits.CAROUSEL_BYTES);
	}

	@Test
	void closingQuickRepliesComeLastAndAlwaysFitTheOthersGiveWay() {
		Replies replies = new Replies().text("答え");
		IntStream.range(0, 20).forEach(i -> replies.quickReply(Actions.quick(Actions.say("用語" + i, "用語" + i))));
		replies.closingQuickReplies(List.of(Actions.quick(Actions.say("役に立った", "y")),
				Actions.quick(Actions.say("役に立たなかった", "n"))));

		List<String> labels = ((TextMessage) replies.build().getFirst()).quickReply().items().stream()
			.map(item -> item.action().label())
			.toList();

		assertThat(labels).hasSize(LineLimits.QUICK_REPLY_ITEMS).startsWith("用語0").endsWith("用語10", "役に立った", "役に立たなかった");
	}
}
