package jp.shisakunavi.delivery.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import com.linecorp.bot.client.base.channel.ChannelTokenSupplier;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageQuotaResponse;
import com.linecorp.bot.messaging.model.MulticastRequest;
import com.linecorp.bot.messaging.model.QuotaType;
import com.linecorp.bot.spring.boot.core.properties.LineBotProperties;

import io.micrometer.core.instrument.MeterRegistry;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * LINE's multicast and quota endpoints as the senders need them: at most the configured number of requests per
 * second (a token bucket shared by this instance's senders), a pause for all of them when LINE says 429 (too
 * many requests), and every answer sorted into what to do next. Multicasts go through the JDK's HTTP client
 * with the SDK's message model: through the SDK's OkHttp client each 500-recipient request stalled about 40 ms
 * (measured against a local server: 45 ms against 3.4 ms), which would cap a sender at about 22 requests a second.
 */
@Component
class Multicasts {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
	/** After LINE answers 429, every sender of this instance waits this long before the next request. */
	private static final Duration SLOW_DOWN = Duration.ofSeconds(1);

	private final MessagingApiClient client;
	private final ChannelTokenSupplier token;
	private final HttpClient http;
	private final URI multicast;
	private final Duration timeout;
	private final Bucket rate;
	private final MeterRegistry meters;
	private volatile long quietUntilNanos = System.nanoTime();

	Multicasts(MessagingApiClient client, ChannelTokenSupplier token, LineBotProperties line, DeliveryProperties properties,
			MeterRegistry meters) {
		this.client = client;
		this.meters = meters;
		this.token = token;
		this.http = HttpClient.newBuilder().connectTimeout(line.connectTimeout()).build();
		this.multicast = line.apiEndPoint().resolve("v2/bot/message/multicast");
		this.timeout = line.readTimeout();
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
			HttpRequest request = HttpRequest.newBuilder(multicast)
				.timeout(timeout)
				.header("Authorization", "Bearer " + token.get())
				.header("Content-Type", "application/json; charset=UTF-8")
				.header("X-Line-Retry-Key", retryKey)
				.POST(HttpRequest.BodyPublishers.ofByteArray(MessageJson.JSON.writeValueAsBytes(
						new MulticastRequest(messages, userIds, false, null))))
				.build();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			Outcome outcome = outcome(response.statusCode(), message(response.body()));
			if (response.statusCode() >= 400 && response.statusCode() != 409) {
				meters.counter("shisaku.line.api.errors", "api", "multicast", "status", String.valueOf(response.statusCode()))
					.increment();
			}
			if (response.statusCode() == 429 && outcome instanceof Outcome.Retry) {
				quietUntilNanos = System.nanoTime() + SLOW_DOWN.toNanos();
			}
			return outcome;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome.Retry("interrupted");
		}
		catch (HttpTimeoutException e) {
			return new Outcome.Retry("timeout");
		}
		catch (IOException e) {
			return new Outcome.Retry(e.getClass().getSimpleName());
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

	private static Outcome outcome(int status, String message) {
		String reason = "HTTP " + status + (message.isBlank() ? "" : ": " + message);
		if (status / 100 == 2 || status == 409) {
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

	/** LINE's error message ({"message": …}), or nothing when the body is not LINE's error JSON. */
	private static String message(byte[] body) {
		try {
			return MessageJson.JSON.readTree(body).path("message").asText("");
		}
		catch (IOException e) {
			return "";
		}
	}
}
