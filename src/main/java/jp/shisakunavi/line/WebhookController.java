package jp.shisakunavi.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.linecorp.bot.parser.LineSignatureValidator;

import jp.shisakunavi.system.LineCredentials;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;

/**
 * LINE's webhook. The signature is checked on the raw bytes before anything is parsed; a bad signature or a
 * body that is not a webhook gets 400 and nothing is processed; good events are queued and answered at once
 * with 200 (LINE waits two seconds at most). While the queue refuses work, every webhook gets 503 at once,
 * unread: nothing is processed and LINE delivers it again.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final LineSignatureValidator signatures;
	private final EventInbox inbox;
	private final LineCredentials credentials;

	WebhookController(@Value("${line.bot.channel-secret}") String channelSecret, EventInbox inbox,
			LineCredentials credentials) {
		this.signatures = new LineSignatureValidator(channelSecret.getBytes(StandardCharsets.UTF_8));
		this.inbox = inbox;
		this.credentials = credentials;
	}

	@PostMapping("${line.bot.handler.path:/callback}")
	ResponseEntity<String> callback(@RequestHeader(name = "x-line-signature", required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		if (!credentials.configured()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body("LINE is not configured on this server (LINE_CHANNEL_SECRET/LINE_CHANNEL_TOKEN)");
		}
		if (inbox.busy()) {
			return busy();
		}
		if (signature == null || signature.isBlank() || body == null || !validSignature(body, signature)) {
			log.warn("Refused a webhook with a missing or wrong signature");
			return ResponseEntity.badRequest().body("invalid signature");
		}
		CallbackRequest request;
		try {
			request = Replies.JSON.readValue(body, CallbackRequest.class);
		}
		catch (IOException e) {
			log.warn("Refused a signed webhook that is not a webhook body: {}", e.getClass().getSimpleName());
			return ResponseEntity.badRequest().body("invalid webhook body");
		}
		List<Event> events = request == null || request.events() == null ? List.of() : request.events();
		return inbox.offer(events) ? ResponseEntity.ok("OK") : busy();
	}

	private static ResponseEntity<String> busy() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body("busy");
	}

	private boolean validSignature(byte[] body, String signature) {
		try {
			return signatures.validateSignature(body, signature.strip());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
