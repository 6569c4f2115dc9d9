package jp.shisakunavi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.notify.Notifications;
import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.notify.Topic;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;
import reminders.Reminders;

/**
 * Delivery with a client that is not about citizens: staff-like reminders, one message each, with their own
 * window, their own daily counter, blocked users left out, and a delivery cancelled while it is being sent.
 */
@SpringBootTest(classes = { ShisakuNaviApplication.class, Reminders.class })
class SecondClientTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final Duration WAIT = Duration.ofSeconds(30);
	static final Duration QUIET = Duration.ofSeconds(2);
	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", dataDir::toString);
		line.connect(registry);
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.delivery.poll-interval", () -> "100ms");
	}

	@Autowired
	Deliveries deliveries;

	@Autowired
	Reminders.OfficeHours officeHours;

	@Autowired
	Reminders.ReminderClient reminders;

	@Autowired
	LineUsers users;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Notifications notifications;

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void reset() {
		officeHours.open(true);
		reminders.held.clear();
		mongo.remove(new Query(), "daily_counts");
	}

	@Test
	void remindersWaitForTheirOwnWindowLeaveOutBlockedStaffAndGiveEachTheirOwnMessage() {
		List<LineUserId> staff = List.of(user(), user(), user(), user(), user());
		LineUserId blocked = staff.get(2);
		users.unfollowed(blocked);
		LineUserId citizen = user();
		subscriptions.follow(citizen, Topic.city("多治見市"));
		officeHours.open(false);

		DeliveryStatus ordered = deliveries.order(Reminders.order(id(), wave("R6年度第1回", staff)));
		DeliveryStatus again = deliveries.order(Reminders.order(ordered.id(), wave("別の内容", staff)));
		notifications.announce(List.of("city:多治見市"), "説明会のお知らせです。", null, false);

		await().atMost(WAIT).until(() -> line.multicastRecipients().containsKey(citizen.value()));
		await().atMost(WAIT).until(() -> deliveries.find(ordered.id()).orElseThrow().plannedAt() != null);
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).size() == 1);
		assertThat(again.parameters()).as("ordered once").isEqualTo(ordered.parameters());
		assertThat(deliveries.find(ordered.id()).orElseThrow()).satisfies(held -> {
			assertThat(held.state()).isEqualTo(DeliveryState.HELD);
			assertThat(held.recipients()).isEqualTo(4);
			assertThat(held.batchesPending()).isEqualTo(4);
		});

		officeHours.open(true);

		await().atMost(WAIT).until(() -> deliveries.find(ordered.id()).orElseThrow().state() == DeliveryState.SENT);
		Map<String, Integer> received = line.multicastRecipients();
		received.remove(citizen.value());
		assertThat(received).isEqualTo(staff.stream().filter(s -> !s.equals(blocked))
			.collect(Collectors.toMap(LineUserId::value, s -> 1)));
		for (FakeLine.Received request : line.accepted(MULTICAST)) {
			String to = request.json().at("/to/0").asText();
			if (!to.equals(citizen.value())) {
				assertThat(request.json().at("/to")).hasSize(1);
				assertThat(request.json().at("/messages/0/altText").asText())
					.isEqualTo(Reminders.text("R6年度第1回", LineUserId.of(to), 3));
				assertThat(request.json().at("/messages/0/contents/footer/contents/0/action/data").asText())
					.isEqualTo("a=report&r=R6年度第1回");
			}
		}
		DeliveryStatus sent = deliveries.find(ordered.id()).orElseThrow();
		assertThat(sent.recipientsSent()).isEqualTo(4);
		assertThat(sent.finishedAt()).isNotNull();
		assertThat(sent.window()).isEqualTo(Reminders.WINDOW);
	}

	@Test
	void aSecondReminderTheSameDayIsHeldByItsOwnCounterNotByTheCitizensOne() {
		List<LineUserId> staff = List.of(user(), user());
		DeliveryStatus first = deliveries.order(Reminders.order(id(), wave("第1回", staff)));
		await().atMost(WAIT).until(() -> deliveries.find(first.id()).orElseThrow().state() == DeliveryState.SENT);

		DeliveryStatus second = deliveries.order(Reminders.order(id(), wave("第2回", staff)));

		await().atMost(WAIT).until(() -> deliveries.find(second.id()).orElseThrow().state() == DeliveryState.SENT);
		assertThat(deliveries.find(second.id()).orElseThrow().held()).isEqualTo(2);
		assertThat(reminders.held).containsExactlyInAnyOrderElementsOf(staff.stream().map(LineUserId::value).toList());
		assertThat(line.multicastRecipients()).isEqualTo(staff.stream().collect(Collectors.toMap(LineUserId::value, s -> 1)));
		assertThat(mongo.findAll(Document.class, "daily_counts")).allSatisfy(bucket ->
			assertThat(bucket.getString("counter")).isEqualTo(Reminders.COUNTER));
	}

	@Test
	void cancellingWhileSendingStopsBeforeTheNextBatchAndKeepsWhatWasSentCounted() {
		List<LineUserId> staff = List.of(user(), user(), user(), user(), user(), user(), user(), user(), user(), user());
		line.fail(MULTICAST, Integer.MAX_VALUE, 200, Duration.ofMillis(400));
		DeliveryStatus ordered = deliveries.order(Reminders.order(id(), wave("第1回", staff)));
		await().atMost(WAIT).until(() -> line.accepted(MULTICAST).size() >= 2);

		assertThat(deliveries.cancel(ordered.id())).isTrue();

		// the batch in flight when it was cancelled may still be sent; nothing after it
		AtomicInteger lastSeen = new AtomicInteger(-1);
		await().atMost(WAIT).pollInterval(QUIET).until(() -> lastSeen.getAndSet(line.requests(MULTICAST).size())
				== line.requests(MULTICAST).size());
		int sentWhenCancelled = line.requests(MULTICAST).size();
		await().atMost(WAIT).until(() -> deliveries.find(ordered.id()).orElseThrow().batchesSent() == sentWhenCancelled);
		DeliveryStatus cancelled = deliveries.find(ordered.id()).orElseThrow();
		assertThat(cancelled.state()).isEqualTo(DeliveryState.CANCELLED);
		assertThat(cancelled.finishedAt()).isNotNull();
		assertThat(sentWhenCancelled).as("the rest not sent").isBetween(2, 4);
		assertThat(cancelled.batchesSent()).isEqualTo(sentWhenCancelled);
		assertThat(cancelled.recipientsSent()).isEqualTo(sentWhenCancelled);
		assertThat(cancelled.batchesCancelled()).isEqualTo(10 - sentWhenCancelled);
		assertThat(line.multicastRecipients()).hasSize(sentWhenCancelled).allSatisfy((user, count) -> assertThat(count).isOne());
		assertThat(mongo.findAll(Document.class, "delivery_chunks").toString()).as("no user id kept of what is not sent")
			.doesNotContain(staff.stream().filter(s -> !line.multicastRecipients().containsKey(s.value()))
				.map(LineUserId::value).toArray(String[]::new));
		assertThat(deliveries.cancel(ordered.id())).as("finished").isFalse();
	}

	private static Reminders.Wave wave(String round, List<LineUserId> staff) {
		return new Reminders.Wave(round, staff.stream().map(LineUserId::value).toList(), 3);
	}

	private static String id() {
		return "test-reminder-" + UUID.randomUUID();
	}

	private static LineUserId user() {
		return LineUserId.of("U" + UUID.randomUUID().toString().replace("-", ""));
	}
}
