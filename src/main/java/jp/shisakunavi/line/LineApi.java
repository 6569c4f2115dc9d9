package jp.shisakunavi.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.ShowLoadingAnimationRequest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends replies to LINE. A reply is retried on 5xx, 429 and timeouts with growing pauses while its token can
 * still be used; since a reply token works once, a retry after a reply that did arrive is refused by LINE
 * (400) and the user still gets one answer.
 */
@Component
class LineApi {

	private static final Logger log = LoggerFactory.getLogger(LineApi.class);
	private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
	private static final int LOADING_SECONDS = 10;

	private final MessagingApiClient client;
	private final LineProperties properties;
	private final Clock clock;
	private final MeterRegistry meters;

	LineApi(MessagingApiClient client, LineProperties properties, Clock clock, MeterRegistry meters) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/** @return whether LINE accepted the reply */
	boolean reply(String replyToken, List<Message> messages, Instant eventTime) {
		Instant deadline = eventTime.plus(properties.replyDeadline());
		Duration pause = FIRST_PAUSE;
		for (int attempt = 1;; attempt++) {
			try {
				client.replyMessage(new ReplyMessageRequest(replyToken, messages, false))
					.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				meters.counter("shisaku.line.replies", "outcome", "sent").increment();
				return true;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException | TimeoutException e) {
				int status = status(e);
				boolean retryable = status == 0 || status == 429 || status >= 500;
				if (!retryable || clock.instant().plus(pause).isAfter(deadline)) {
					meters.counter("shisaku.line.replies", "outcome", "failed").increment();
					log.warn("Reply not delivered after {} attempt(s): {}", attempt, describe(e, status));
					return false;
				}
				sleep(pause);
				pause = pause.multipliedBy(2);
			}
		}
	}

	/** Shows LINE's "typing" animation to a user while a slow answer is being prepared; best effort. */
	void showLoading(String userId) {
		client.showLoadingAnimation(new ShowLoadingAnimationRequest(userId, LOADING_SECONDS))
			.exceptionally(e -> {
				log.debug("Loading animation not shown: {}", e.getMessage());
				return null;
			});
	}

	private static int status(Exception e) {
		Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
		return cause instanceof AbstractLineClientException line ? line.getCode() : 0;
	}

	private static String describe(Exception e, int status) {
		return status > 0 ? "HTTP " + status : e.getClass().getSimpleName();
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
