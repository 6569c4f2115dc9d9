package jp.shisakunavi.line;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.delivery.SimulatorInbox;
import jp.shisakunavi.users.LineUserId;

/**
 * The chat simulator's endpoint: a message or a tapped button from the web page goes through the same
 * conversation as a LINE event, and the answer comes back as the JSON LINE would receive. Simulator users
 * have their own ids ({@code sim-…}), so the page can never read or change a LINE user's data; what is delivered
 * to them waits in the simulator's inbox.
 */
@RestController
class SimulatorController {

	private static final Pattern SIMULATOR_USER = Pattern.compile("sim-[A-Za-z0-9-]{8,64}");
	private static final int MAX_TEXT_LENGTH = 10_000;

	private final Conversation conversation;
	private final SimulatorInbox inbox;

	SimulatorController(Conversation conversation, SimulatorInbox inbox) {
		this.conversation = conversation;
		this.inbox = inbox;
	}

	@PostMapping(path = "/simulator/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> send(@RequestBody SimulatorRequest request) throws JsonProcessingException {
		checkUser(request.userId());
		Incoming incoming;
		if (request.event() != null) {
			incoming = new Incoming(switch (request.event()) {
				case "follow" -> Incoming.Kind.FOLLOW;
				case "sticker" -> Incoming.Kind.OTHER_MESSAGE;
				default -> throw new IllegalArgumentException("event must be follow or sticker");
			}, request.userId(), "");
		}
		else if (request.postback() != null) {
			incoming = new Incoming(Incoming.Kind.POSTBACK, request.userId(), request.postback());
		}
		else {
			String text = request.text() == null ? "" : request.text();
			if (text.length() > MAX_TEXT_LENGTH) {
				throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
			}
			incoming = new Incoming(Incoming.Kind.TEXT, request.userId(), text);
		}
		List<Message> messages = conversation.answer(incoming);
		return ResponseEntity.ok(Replies.JSON.writeValueAsString(new SimulatorResponse(messages)));
	}

	/**
	 * The notifications that arrived for a simulator user since the last call (what LINE would push), each
	 * once, as the messages LINE would receive.
	 */
	@GetMapping(path = "/simulator/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> notifications(@RequestParam String userId) {
		checkUser(userId);
		return ResponseEntity.ok("{\"notifications\":[" + String.join(",", inbox.take(LineUserId.of(userId))) + "]}");
	}

	private static void checkUser(String userId) {
		if (userId == null || !SIMULATOR_USER.matcher(userId).matches()) {
			throw new IllegalArgumentException("userId must look like sim-xxxxxxxx");
		}
	}

	/** The answer as LINE would receive it (a declared List<Message>, so each message carries its type). */
	record SimulatorResponse(List<Message> messages) {
	}

	/** One of text, postback (the data of a tapped button) or event (follow, sticker). */
	record SimulatorRequest(String userId, String text, String postback, String event) {
	}
}
