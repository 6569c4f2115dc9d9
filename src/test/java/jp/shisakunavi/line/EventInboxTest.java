package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.linecorp.bot.messaging.model.TextMessage;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.system.WorkerPools;

/** The queue refuses webhooks (the controller answers 503) when it is full or its oldest event waited too long. */
class EventInboxTest {

	final CountDownLatch answering = new CountDownLatch(1);
	final AtomicInteger started = new AtomicInteger();
	final AtomicInteger replies = new AtomicInteger();
	final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	EventInbox inbox;

	@AfterEach
	void stop() throws InterruptedException {
		answering.countDown();
		inbox.destroy();
	}

	@Test
	void aFullQueueRefuses() throws Exception {
		inbox = inbox(2, Duration.ofMinutes(1));
		assertThat(inbox.offer(List.of(event()))).isTrue();
		await().until(() -> started.get() == 1);
		assertThat(inbox.offer(List.of(event(), event()))).isTrue();
		assertThat(inbox.offer(List.of(event()))).isFalse();
		answering.countDown();
		await().until(() -> replies.get() == 3);
		assertThat(inbox.offer(List.of(event()))).isTrue();
		await().until(() -> replies.get() == 4);
		assertThat(meters.counter("shisaku.line.events", "outcome", "refused").count()).isEqualTo(1);
	}

	@Test
	void aQueueWhoseOldestEventWaitedTooLongRefusesUntilItCaughtUp() throws Exception {
		inbox = inbox(1000, Duration.ofMillis(50));
		assertThat(inbox.offer(List.of(event()))).isTrue();
		await().until(() -> started.get() == 1);
		assertThat(inbox.offer(List.of(event()))).isTrue();
		Thread.sleep(100);
		assertThat(inbox.busy()).isTrue();
		assertThat(inbox.offer(List.of(event()))).isFalse();
		answering.countDown();
		await().until(() -> replies.get() == 2);
		assertThat(inbox.busy()).isFalse();
		assertThat(inbox.offer(List.of(event()))).isTrue();
		await().until(() -> replies.get() == 3);
	}

	@Test
	void aQueueLongerThanWhatWasWorkedOffLatelyRefuses() throws Exception {
		inbox = inbox(1000, Duration.ofMinutes(1));
		assertThat(inbox.offer(List.of(event()))).isTrue();
		await().until(() -> started.get() == 1);
		for (int i = 0; i < 100; i++) {
			assertThat(inbox.offer(List.of(event()))).isTrue();
		}
		assertThat(inbox.offer(List.of(event()))).isFalse();
	}

	private EventInbox inbox(int capacity, Duration maxQueueWait) {
		ProcessedEvents processed = mock(ProcessedEvents.class);
		when(processed.firstTime(any())).thenReturn(true);
		Conversation conversation = mock(Conversation.class);
		when(conversation.answer(any())).thenAnswer(call -> {
			started.incrementAndGet();
			answering.await();
			return List.of(new TextMessage("答え"));
		});
		LineApi line = mock(LineApi.class);
		when(line.reply(any(), any(), any())).thenAnswer(call -> {
			replies.incrementAndGet();
			return CompletableFuture.completedFuture(true);
		});
		return new EventInbox(processed, conversation, line,
				new LineProperties(capacity, 1, maxQueueWait, null, null, null), meters, new WorkerPools(meters));
	}

	private static Event event() throws Exception {
		byte[] body = LineWebhook.body(List.of(LineWebhook.text(LineWebhook.userId(), "こんにちは")));
		return Replies.JSON.readValue(body, CallbackRequest.class).events().getFirst();
	}
}
