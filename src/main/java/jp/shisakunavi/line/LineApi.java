package jp.shisakunavi.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
class LineApi implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LineApi.class);
	private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
	private static final int LOADING_SECONDS = 10;

	private final MessagingApiClient client;
	private final LineProperties properties;
	private final Clock clock;
	private final MeterRegistry meters;
	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().daemon().name("line-retry").factory());

	LineApi(MessagingApiClient client, LineProperties properties, Clock clock, MeterRegistry meters) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Sends a reply without holding the caller's thread: the SDK's call is asynchronous, and a retry waits on
	 * a timer, not on a thread.
	 *
	 * @return completes with whether LINE accepted the reply
	 */
	CompletableFuture<Boolean> reply(String replyToken, List<Message> messages, Instant eventTime) {
		CompletableFuture<Boolean> accepted = new CompletableFuture<>();
		attempt(new ReplyMessageRequest(replyToken, messages, false), eventTime.plus(properties.replyDeadline()), 1,
				FIRST_PAUSE, accepted);
		return accepted;
	}

	private void attempt(ReplyMessageRequest request, Instant deadline, int attempt, Duration pause,
			CompletableFuture<Boolean> accepted) {
		CompletableFuture<?> call;
		try {
			call = client.replyMessage(request);
		}
		catch (RuntimeException e) {
			call = CompletableFuture.failedFuture(e);
		}
		call.orTimeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((response, error) -> {
				if (error == null) {
					meters.counter("shisaku.line.replies", "outcome", "sent").increment();
					accepted.complete(true);
					return;
				}
				Throwable cause = unwrapped(error);
				int status = cause instanceof AbstractLineClientException line ? line.getCode() : 0;
				boolean retryable = status == 0 || status == 429 || status >= 500;
				meters.counter("shisaku.line.api.errors", "api", "reply", "status", status == 0 ? "none" : String.valueOf(status))
					.increment();
				if (!retryable || clock.instant().plus(pause).isAfter(deadline)) {
					meters.counter("shisaku.line.replies", "outcome", "failed").increment();
					log.warn("Reply not delivered after {} attempt(s): {}", attempt,
							status > 0 ? "HTTP " + status : cause.getClass().getSimpleName());
					accepted.complete(false);
					return;
				}
				try {
					retries.schedule(() -> attempt(request, deadline, attempt + 1, pause.multipliedBy(2), accepted),
							pause.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (RejectedExecutionException e) {
					// The service is stopping: no timer is left to retry on.
					accepted.complete(false);
				}
			});
	}

	/** Shows LINE's "typing" animation to a user while a slow answer is being prepared; best effort. */
	void showLoading(String userId) {
		client.showLoadingAnimation(new ShowLoadingAnimationRequest(userId, LOADING_SECONDS))
			.exceptionally(e -> {
				log.debug("Loading animation not shown: {}", e.getMessage());
				return null;
			});
	}

	private static Throwable unwrapped(Throwable error) {
		Throwable cause = error;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Override
	public void destroy() {
		retries.shutdownNow();
	}
}
