package jp.shisakunavi.line;

import java.util.List;
import java.util.Optional;

import com.linecorp.bot.messaging.model.Message;

/**
 * Another module's part of the chat: a text or a tapped button is offered to the handlers (beans, in their
 * {@link org.springframework.core.annotation.Order}) before the citizens' conversation answers it; the first handler
 * that takes it answers, for LINE and for the simulator alike. A handler is called once per event (redelivered
 * webhook events never reach it), but a user may tap the same button twice: keep what a postback does idempotent.
 */
public interface ChatHandler {

	/**
	 * @return the messages that answer it (build them with {@link Replies}); empty: not this handler's, the next one
	 *         answers
	 */
	Optional<List<Message>> answer(ChatInput input);
}
