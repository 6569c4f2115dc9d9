package jp.shisakunavi.delivery.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.Message;

/** LINE's message JSON, written and read with the SDK's own mapper. */
final class MessageJson {

	static final ObjectMapper JSON = ModelObjectMapper.createNewObjectMapper();
	/** Written and read as a list of the interface, so that each message carries its type. */
	private static final TypeReference<List<Message>> MESSAGES = new TypeReference<>() {
	};

	private MessageJson() {
	}

	static String write(List<Message> messages) {
		try {
			return JSON.writerFor(MESSAGES).writeValueAsString(messages);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("LINE message model cannot be written as JSON", e);
		}
	}

	static List<Message> read(String json) {
		try {
			return JSON.readValue(json, MESSAGES);
		}
		catch (IOException e) {
			throw new IllegalStateException("Stored message is not LINE's message JSON", e);
		}
	}
}
