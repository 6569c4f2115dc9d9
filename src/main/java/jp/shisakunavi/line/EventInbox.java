package jp.shisakunavi.line;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.GroupSource;
import com.linecorp.bot.webhook.model.JoinEvent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.RoomSource;
import com.linecorp.bot.webhook.model.Source;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shisakunavi.system.UserIds;
import jp.shisakunavi.system.WorkerPools;

/**
 * Webhook events wait here to be answered off the request thread: a bounded queue and a fixed number of
 * workers, so that a burst makes answers slower, never the service fall over. The queue is bounded in time as
 * well as in count: while its oldest event has waited longer than {@code shisaku.line.max-queue-wait}, or the
 * events waiting would take longer than that at the last second's answer rate, new webhooks are refused (503)
 * and LINE delivers them again later, instead of every answer coming late. Each
 * event is answered once: its {@code webhookEventId} is claimed in MongoDB before anything is done.
 */
@Component
class EventInbox implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EventInbox.class);
	private static final String POOL = "line-answer";
	private static final int REPLIES_IN_FLIGHT = 256;
	private static final int ALWAYS_ROOM_FOR = 100;
	private static final long REFUSAL_LOG_INTERVAL = TimeUnit.SECONDS.toNanos(10);

	private final ThreadPoolExecutor workers;
	private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().daemon().name("line-loading").factory());
	private final ProcessedEvents processed;
	private final Conversation conversation;
	private final LineApi line;
	private final LineProperties properties;
	private final MeterRegistry meters;
	private final WorkerPools pools;
	private final long maxQueueWait;
	private final Semaphore sending = new Semaphore(REPLIES_IN_FLIGHT);
	private final AnswerRate rate = new AnswerRate();
	private final AtomicLong refusedSinceLog = new AtomicLong();
	private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL);

	EventInbox(ProcessedEvents processed, Conversation conversation, LineApi line, LineProperties properties,
			MeterRegistry meters, WorkerPools pools) {
		this.processed = processed;
		this.conversation = conversation;
		this.line = line;
		this.properties = properties;
		this.meters = meters;
		this.maxQueueWait = properties.maxQueueWait().toNanos();
		this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(properties.queueCapacity()),
				Thread.ofPlatform().name(POOL + "-", 0).factory(), new ThreadPoolExecutor.AbortPolicy());
		this.pools = pools;
		workers.prestartAllCoreThreads();
		meters.gaugeCollectionSize("shisaku.line.queue", List.of(), workers.getQueue());
		pools.register(new WorkerPools.Pool() {
			@Override
			public String name() {
				return POOL;
			}

			@Override
			public int expected() {
				return workers.isShutdown() ? 0 : workers.getCorePoolSize();
			}

			@Override
			public int alive() {
				return workers.getPoolSize();
			}
		});
	}

	/**
	 * Whether webhooks are being refused: then the caller can refuse before checking and parsing the body,
	 * which in a burst leaves more of the CPU to answering.
	 */
	boolean busy() {
		long now = System.nanoTime();
		if (noRoomFor(1, now)) {
			refused(1, now);
			return true;
		}
		return false;
	}

	/** @return false when there is no room: the caller refuses the webhook so that LINE delivers it again */
	boolean offer(List<Event> events) {
		long now = System.nanoTime();
		if (noRoomFor(events.size(), now)) {
			refused(events.size(), now);
			return false;
		}
		try {
			Instant received = Instant.now();
			events.stream().filter(Objects::nonNull).forEach(event -> workers.execute(new Waiting(event, received, now)));
			return true;
		}
		catch (RejectedExecutionException e) {
			refused(events.size(), now);
			return false;
		}
	}

	/**
	 * No room when the queue is full, when its oldest event has waited longer than allowed, or when the
	 * newest would: at the rate answers were finished in the last second, the events already waiting take
	 * longer than allowed to work off. A short queue always has room, so that a quiet service takes a big
	 * webhook at once.
	 */
	private boolean noRoomFor(int count, long now) {
		int waiting = workers.getQueue().size();
		double workedOffInTime = rate.perSecond(now) * maxQueueWait / 1e9;
		return workers.getQueue().remainingCapacity() < count || oldestWait(now) > maxQueueWait
				|| waiting + count > Math.max(ALWAYS_ROOM_FOR, workedOffInTime);
	}

	private long oldestWait(long now) {
		return workers.getQueue().peek() instanceof Waiting oldest ? now - oldest.since() : 0;
	}

	/**
	 * Counted per event (per webhook when refused unread); logged at most every ten seconds, since a burst
	 * refuses thousands a second.
	 */
	private void refused(int count, long now) {
		meters.counter("shisaku.line.events", "outcome", "refused").increment(count);
		long total = refusedSinceLog.addAndGet(count);
		long last = lastRefusalLog.get();
		if (now - last >= REFUSAL_LOG_INTERVAL && lastRefusalLog.compareAndSet(last, now)) {
			refusedSinceLog.addAndGet(-total);
			log.warn("Answer queue full ({} waiting, oldest {} ms): refused {} event(s) since the last report; "
					+ "LINE will redeliver them", workers.getQueue().size(), oldestWait(now) / 1_000_000, total);
		}
	}

	/** An event in the queue, with when it arrived. */
	private final class Waiting implements Runnable {

		private final Event event;
		private final Instant received;
		private final long since;

		Waiting(Event event, Instant received, long since) {
			this.event = event;
			this.received = received;
			this.since = since;
		}

		long since() {
			return since;
		}

		@Override
		public void run() {
			try {
				handle(event, received);
			}
			finally {
				rate.answered();
			}
		}
	}

	private void handle(Event event, Instant received) {
		if (event.mode() == EventMode.STANDBY) {
			return;
		}
		Incoming incoming = incoming(event);
		if (incoming == null || incoming.userId() == null) {
			// Events LINE adds later, and events whose user LINE does not name (no consent to share the id):
			// there is nobody to answer or remember.
			meters.counter("shisaku.line.events", "outcome", "ignored").increment();
			return;
		}
		if (event.webhookEventId() != null && !processed.firstTime(event.webhookEventId())) {
			meters.counter("shisaku.line.events", "outcome", "duplicate").increment();
			return;
		}
		String replyToken = event instanceof MessageEvent m ? m.replyToken()
				: event instanceof PostbackEvent p ? p.replyToken()
				: event instanceof FollowEvent f ? f.replyToken()
				: event instanceof JoinEvent j ? j.replyToken() : null;
		ScheduledFuture<?> loading = event.source() instanceof UserSource user && replyToken != null
				? timers.schedule(() -> line.showLoading(user.userId()), properties.loadingDelay().toMillis(), TimeUnit.MILLISECONDS)
				: null;
		try {
			List<Message> messages = conversation.answer(incoming);
			if (loading != null) {
				loading.cancel(false);
			}
			if (replyToken != null && !messages.isEmpty()) {
				Instant eventTime = event.timestamp() == null ? received : Instant.ofEpochMilli(event.timestamp());
				// The worker goes on to the next event while LINE answers; the permits keep replies in flight bounded.
				sending.acquireUninterruptibly();
				line.reply(replyToken, messages, eventTime.isAfter(received) ? received : eventTime)
					.whenComplete((accepted, error) -> sending.release());
			}
			meters.counter("shisaku.line.events", "outcome", "answered").increment();
		}
		catch (Throwable e) {
			// Any failure, also an error such as running out of memory, costs one answer, never the worker.
			meters.counter("shisaku.line.events", "outcome", "failed").increment();
			pools.failed(POOL);
			log.error("Answering a {} event of {} failed", incoming.kind(), UserIds.masked(incoming.userId()), e);
		}
		finally {
			if (loading != null) {
				loading.cancel(false);
			}
		}
	}

	private static Incoming incoming(Event event) {
		String user = chatOf(event.source());
		return switch (event) {
			case MessageEvent message when message.message() instanceof TextMessageContent text ->
				new Incoming(Incoming.Kind.TEXT, user, text.text() == null ? "" : text.text());
			case MessageEvent message -> new Incoming(Incoming.Kind.OTHER_MESSAGE, user, "");
			case PostbackEvent postback -> new Incoming(Incoming.Kind.POSTBACK, user,
					postback.postback() == null ? "" : postback.postback().data());
			case FollowEvent follow -> new Incoming(Incoming.Kind.FOLLOW, user, "");
			case UnfollowEvent unfollow -> new Incoming(Incoming.Kind.UNFOLLOW, user, "");
			case JoinEvent join -> new Incoming(Incoming.Kind.JOIN, user, "");
			default -> null;
		};
	}

	/**
	 * The user, or the group or room the message came from when LINE does not name the user; null when the event
	 * names none of them.
	 */
	private static String chatOf(Source source) {
		return switch (source) {
			case UserSource user -> user.userId();
			case GroupSource group -> group.userId() != null ? group.userId() : group.groupId();
			case RoomSource room -> room.userId() != null ? room.userId() : room.roomId();
			case null, default -> null;
		};
	}

	@Override
	public void destroy() throws InterruptedException {
		workers.shutdown();
		timers.shutdownNow();
		workers.awaitTermination(10, TimeUnit.SECONDS);
	}
}
