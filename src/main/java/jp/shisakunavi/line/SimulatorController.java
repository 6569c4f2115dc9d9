package jp.shisakunavi.line;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.linecorp.bot.messaging.model.Message;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jp.shisakunavi.delivery.SimulatorInbox;
import jp.shisakunavi.users.LineUserId;

/**
 * The chat simulator's endpoints: a message or a tapped button from the web page goes through the same
 * conversation as a LINE event, and the answer comes back as the JSON LINE would receive. A browser first opens a
 * session and then names its token ({@code X-Simulator-Token}) in every call: the token, not anything the
 * browser claims, decides the simulator user ({@code sim-…}), so a page reads and changes only its own data and
 * never a LINE user's. Each session and each client address is rate-limited ({@link SimulatorProperties}). Every
 * answer names the rich menu the user sees, so that the page shows the staff menu to a registered staff member.
 */
@RestController
class SimulatorController {

	static final String TOKEN = "X-Simulator-Token";
	private static final int MAX_TEXT_LENGTH = 10_000;

	private final Conversation conversation;
	private final SimulatorInbox inbox;
	private final SimulatorSessions sessions;
	private final SimulatorProperties properties;
	private final RichMenus menus;
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(50_000)
		.expireAfterAccess(Duration.ofHours(1)).build();

	SimulatorController(Conversation conversation, SimulatorInbox inbox, SimulatorSessions sessions,
			SimulatorProperties properties, RichMenus menus) {
		this.conversation = conversation;
		this.inbox = inbox;
		this.sessions = sessions;
		this.properties = properties;
		this.menus = menus;
	}

	/** A new simulator user for this browser, with the token that stands for it. */
	@PostMapping(path = "/simulator/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SimulatorSessions.Opened> open(HttpServletRequest request) {
		limit("client:" + request.getRemoteAddr(), properties.sessionsPerHour(), Duration.ofHours(1));
		return sessions.open().map(opened -> ResponseEntity.status(HttpStatus.CREATED).body(opened))
			.orElseThrow(() -> new Refused(HttpStatus.SERVICE_UNAVAILABLE,
					"シミュレーターの利用者が上限に達しています。しばらくしてからもう一度お試しください"));
	}

	@PostMapping(path = "/simulator/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> send(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestBody SimulatorRequest request) throws JsonProcessingException {
		String userId = user(token);
		Incoming incoming;
		if (request.event() != null) {
			incoming = new Incoming(switch (request.event()) {
				case "follow" -> Incoming.Kind.FOLLOW;
				case "sticker" -> Incoming.Kind.OTHER_MESSAGE;
				default -> throw new IllegalArgumentException("event must be follow or sticker");
			}, userId, "");
		}
		else if (request.postback() != null) {
			incoming = new Incoming(Incoming.Kind.POSTBACK, userId, request.postback());
		}
		else {
			String text = request.text() == null ? "" : request.text();
			if (text.length() > MAX_TEXT_LENGTH) {
				throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
			}
			incoming = new Incoming(Incoming.Kind.TEXT, userId, text);
		}
		List<Message> messages = conversation.answer(incoming);
		return ResponseEntity.ok(Replies.JSON.writeValueAsString(new SimulatorResponse(messages,
				menus.menuOf(LineUserId.of(userId)))));
	}

	/**
	 * The notifications that arrived for this browser's user since the last call (what LINE would push), each
	 * once, as the messages LINE would receive. A POST: taking them removes them.
	 */
	@PostMapping(path = "/simulator/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> notifications(@RequestHeader(name = TOKEN, required = false) String token)
			throws JsonProcessingException {
		LineUserId userId = LineUserId.of(user(token));
		return ResponseEntity.ok("{\"notifications\":[" + String.join(",", inbox.take(userId)) + "],\"menu\":"
				+ Replies.JSON.writeValueAsString(menus.menuOf(userId)) + "}");
	}

	private String user(String token) {
		String userId = sessions.userOf(token).orElseThrow(() -> new Refused(HttpStatus.UNAUTHORIZED,
				"シミュレーターのセッションがありません。ページを読み込み直してください"));
		limit("session:" + token, properties.requestsPerMinute(), Duration.ofMinutes(1));
		return userId;
	}

	private void limit(String key, int perPeriod, Duration period) {
		Bucket bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perPeriod).refillGreedy(perPeriod, period).build())
			.build());
		if (!bucket.tryConsume(1)) {
			throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "送信が多すぎます。少し待ってからもう一度お試しください");
		}
	}

	@ExceptionHandler(Refused.class)
	ProblemDetail refused(Refused e) {
		return ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
	}

	/** A call the simulator does not take, with the status and the reason for the page. */
	static final class Refused extends RuntimeException {

		private final HttpStatus status;

		Refused(HttpStatus status, String reason) {
			super(reason);
			this.status = status;
		}
	}

	/**
	 * The answer as LINE would receive it (a declared List<Message>, so each message carries its type), and the
	 * rich menu the user sees now.
	 */
	record SimulatorResponse(List<Message> messages, RichMenu menu) {
	}

	/** One of text, postback (the data of a tapped button) or event (follow, sticker). */
	record SimulatorRequest(String text, String postback, String event) {
	}
}
