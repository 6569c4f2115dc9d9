package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexCarousel;
import com.linecorp.bot.messaging.model.FlexContainer;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import com.linecorp.bot.messaging.model.TextMessage;

/**
 * The messages of one answer, built so that they cannot break LINE's limits: at most five messages, texts and
 * alt texts cut to length, at most 13 quick replies on the last message, carousels of at most 12 bubbles that
 * fit 50 KB, single bubbles that fit 30 KB (otherwise the alt text is sent as text instead). Public for the
 * {@link ChatHandler}s of other modules.
 */
public final class Replies {

	static final ObjectMapper JSON = ModelObjectMapper.createNewObjectMapper();

	private final List<Message> messages = new ArrayList<>();
	private final List<QuickReplyItem> quickReplies = new ArrayList<>();
	private final List<QuickReplyItem> closing = new ArrayList<>();

	public Replies text(String text) {
		messages.add(new TextMessage(LineLimits.cut(text, LineLimits.TEXT_LENGTH)));
		return this;
	}

	public Replies flex(String altText, FlexContainer container) {
		String alt = LineLimits.cut(altText, LineLimits.ALT_TEXT_LENGTH);
		FlexContainer fitted = fit(container);
		messages.add(fitted == null ? new TextMessage(alt) : new FlexMessage(alt, fitted));
		return this;
	}

	public Replies quickReply(QuickReplyItem item) {
		if (quickReplies.size() < LineLimits.QUICK_REPLY_ITEMS) {
			quickReplies.add(item);
		}
		return this;
	}

	/**
	 * Quick replies that come last and always fit: the others give way to them (the feedback buttons of an
	 * answer).
	 */
	Replies closingQuickReplies(List<QuickReplyItem> items) {
		closing.addAll(items.subList(0, Math.min(items.size(), LineLimits.QUICK_REPLY_ITEMS - closing.size())));
		return this;
	}

	public List<Message> build() {
		List<Message> result = new ArrayList<>(messages.subList(0, Math.min(messages.size(), LineLimits.MESSAGES_PER_REQUEST)));
		List<QuickReplyItem> items = new ArrayList<>(quickReplies.subList(0,
				Math.min(quickReplies.size(), LineLimits.QUICK_REPLY_ITEMS - closing.size())));
		items.addAll(closing);
		if (!items.isEmpty() && !result.isEmpty()) {
			QuickReply quickReply = new QuickReply(List.copyOf(items));
			Message last = result.removeLast();
			result.add(switch (last) {
				case TextMessage text -> new TextMessage.Builder(text.text()).quickReply(quickReply).build();
				case FlexMessage flex -> new FlexMessage.Builder(flex.altText(), flex.contents()).quickReply(quickReply).build();
				default -> last;
			});
		}
		return List.copyOf(result);
	}

	private static FlexContainer fit(FlexContainer container) {
		if (container instanceof FlexCarousel carousel) {
			// Each bubble is written once: the carousel is its frame, the bubbles and the commas between them.
			List<FlexBubble> bubbles = new ArrayList<>(carousel.contents()
				.subList(0, Math.min(carousel.contents().size(), LineLimits.CAROUSEL_BUBBLES)));
			List<Integer> sizes = new ArrayList<>(bubbles.stream().map(Replies::size).toList());
			int total = size(new FlexCarousel(List.of())) + sizes.stream().mapToInt(Integer::intValue).sum()
					+ Math.max(0, bubbles.size() - 1);
			while (!bubbles.isEmpty() && total > LineLimits.CAROUSEL_BYTES) {
				bubbles.removeLast();
				total -= sizes.removeLast() + (bubbles.isEmpty() ? 0 : 1);
			}
			return bubbles.isEmpty() ? null : new FlexCarousel(bubbles);
		}
		return size(container) <= LineLimits.BUBBLE_BYTES ? container : null;
	}

	static int size(Object value) {
		try {
			return JSON.writeValueAsBytes(value).length;
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("LINE message model cannot be written as JSON", e);
		}
	}
}
