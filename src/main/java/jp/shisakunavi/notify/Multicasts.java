package jp.shisakunavi.notify;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageQuotaResponse;
import com.linecorp.bot.messaging.model.MulticastRequest;
import com.linecorp.bot.messaging.model.QuotaType;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * LINE's multicast and quota endpoints as the senders need them: at most the configured number of requests per
 * second (a token bucket shared by this instance's senders), a pause for all of them when LINE says 429 (too
 * many requests), and every answer sorted into what to do next.
 */
@Component
class Multicasts {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
	/** After LINE answers 429, every sender of this instance waits this long before the next request. */
	private static final Duration SLOW_DOWN = Duration.ofSeconds(1);

	private final MessagingApiClient client;
	private final Bucket rate;
	private volatile long quietUntilNanos = System.nanoTime();

	Multicasts(MessagingApiClient client, NotifyProperties properties) {
		this.client = client;
		long perSecond = Math.max(1, Math.round(properties.multicastRate()));
		this.rate = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build();
	}

	/** What became of one multicast attempt. */
	sealed interface Outcome {
		/** LINE accepted it now, or earlier under the same retry key (409). */
		record Sent() implements Outcome {
		}

		/** A server error, a timeout or too many requests: try again later with the same key. */
		record Retry(String reason) implements Outcome {
		}

		/** The monthly message quota is used up: nothing more can go out this month. */
		record QuotaExhausted(String reason) implements Outcome {
		}

		/** LINE refused the request itself; retrying will not change that. */
		record Failed(String reason) implements Outcome {
		}
	}

	Outcome send(String retryKey, List<Message> messages, List<String> userIds) {
		try {
			long quiet = quietUntilNanos - System.nanoTime();
			if (quiet > 0) {
				Thread.sleep(Duration.ofNanos(quiet));
			}
			rate.asBlocking().consume(1);
			client.multicast(UUID.fromString(retryKey), new MulticastRequest(messages, userIds, false, null))
				.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return new Outcome.Sent();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome.Retry("interrupted");
		}
		catch (TimeoutException e) {
			return new Outcome.Retry("timeout");
		}
		catch (ExecutionException e) {
			Outcome outcome = outcome(e.getCause());
			if (outcome instanceof Outcome.Retry && e.getCause() instanceof AbstractLineClientException line
					&& line.getCode() == 429) {
				quietUntilNanos = System.nanoTime() + SLOW_DOWN.toNanos();
			}
			return outcome;
		}
	}

	/** How many more messages can be sent this month; empty when LINE sets no limit (or cannot tell). */
	OptionalLong remainingQuota() {
		try {
			MessageQuotaResponse quota = client.getMessageQuota().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).body();
			if (quota == null || quota.type() != QuotaType.LIMITED || quota.value() == null) {
				return OptionalLong.empty();
			}
			Long used = client.getMessageQuotaConsumption().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.body().totalUsage();
			return OptionalLong.of(Math.max(0, quota.value() - (used == null ? 0 : used)));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
		catch (ExecutionException | TimeoutException | RuntimeException e) {
			return OptionalLong.empty();
		}
	}

	private static Outcome outcome(Throwable cause) {
		if (!(cause instanceof AbstractLineClientException line)) {
			return new Outcome.Retry(cause == null ? "unknown error" : cause.getClass().getSimpleName());
		}
		int status = line.getCode();
		String message = cause instanceof MessagingApiClientException api && api.getError() != null ? api.getError() : "";
		String reason = "HTTP " + status + (message.isBlank() ? "" : ": " + message);
		if (status == 409) {
			return new Outcome.Sent();
		}
		if (status == 429 && message.toLowerCase().contains("monthly limit")) {
			return new Outcome.QuotaExhausted(reason);
		}
		if (status == 429 || status >= 500) {
			return new Outcome.Retry(reason);
		}
		return new Outcome.Failed(reason);
	}
}
