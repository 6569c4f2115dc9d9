package jp.shisakunavi.notify;

import static jp.shisakunavi.notify.NotifyFixture.BOUSAI;
import static jp.shisakunavi.notify.NotifyFixture.BOUSAI_TITLE;
import static jp.shisakunavi.notify.NotifyFixture.HINAN;
import static jp.shisakunavi.notify.NotifyFixture.change;
import static jp.shisakunavi.notify.NotifyFixture.lineUser;
import static jp.shisakunavi.notify.NotifyFixture.record;
import static jp.shisakunavi.notify.NotifyFixture.simulatorUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.delivery.SendWindow;
import jp.shisakunavi.delivery.SimulatorInbox;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;

/** Rating changes reach exactly the citizens who follow them, once, through a fake LINE that checks every request. */
@ExtendWith(NotifyFixture.Settle.class)
@SpringBootTest
class NotificationsTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final Duration WAIT = Duration.ofSeconds(30);
	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		NotifyFixture.fastNotificationsWith(line, dataDir, registry);
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.notify.coalesce", () -> "1s");
		registry.add("shisaku.delivery.quota-check-from", () -> "3");
		registry.add("shisaku.notify.daily-cap", () -> "2");
	}

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Notifications deliveries;

	@Autowired
	SimulatorInbox simulator;

	@Autowired
	LineUsers users;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void followersOfAChangedMeasureGetOneMessageNamingItWithOldAndNewRating() {
		LineUserId byMeasure = lineUser();
		LineUserId byCity = lineUser();
		LineUserId byTheme = lineUser();
		LineUserId otherCity = lineUser();
		LineUserId blocked = lineUser();
		LineUserId simulated = simulatorUser();
		follow(byMeasure, Topic.measure(BOUSAI));
		follow(byCity, Topic.city("多治見市"));
		follow(byTheme, Topic.theme("多治見市", "防災・安全"));
		follow(otherCity, Topic.city("各務原市"));
		follow(blocked, Topic.measure(BOUSAI));
		users.unfollowed(blocked);
		follow(simulated, Topic.measure(BOUSAI));

		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		await().atMost(WAIT).until(() -> line.multicastRecipients().size() >= 3);
		assertThat(line.multicastRecipients()).isEqualTo(ids(Map.of(byMeasure, 1, byCity, 1, byTheme, 1)));
		String text = line.accepted(MULTICAST).getFirst().json().at("/messages/0/text").asText();
		assertThat(text).contains(BOUSAI_TITLE, "B（目標どおりに実施）", "A（目標を上回って実施）", "令和5年度");
		await().atMost(WAIT).until(() -> !simulatorMessages(simulated).isEmpty());
		awaitSent(change.id());
		assertThat(deliveries.ofChange(change.id())).hasValueSatisfying(report -> {
			assertThat(report.recipients()).isEqualTo(4);
			assertThat(report.batchesFailed()).isZero();
			assertThat(report.batchesPending()).isZero();
		});
	}

	@Test
	void severalChangesForOneCitizenBecomeOneMessage() {
		LineUserId byCity = lineUser();
		LineUserId byOneMeasure = lineUser();
		follow(byCity, Topic.city("多治見市"));
		follow(byOneMeasure, Topic.measure(HINAN));

		RatingChange first = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));
		RatingChange second = record(mongo, events, change(HINAN, "避難行動要支援者に係るシステムの運用", "B", "C"));

		awaitSent(first.id());
		awaitSent(second.id());
		assertThat(line.multicastRecipients()).containsEntry(byCity.value(), 1).containsEntry(byOneMeasure.value(), 1);
		Map<String, String> textTo = textByRecipient();
		assertThat(textTo.get(byCity.value())).contains("2件", BOUSAI_TITLE, "避難行動要支援者に係るシステムの運用");
		assertThat(textTo.get(byOneMeasure.value())).contains("避難行動要支援者に係るシステムの運用").doesNotContain(BOUSAI_TITLE);
	}

	@Test
	void lineFailingForAWhileLosesNothingAndSendsNothingTwice() {
		List<LineUserId> followers = List.of(lineUser(), lineUser(), lineUser());
		followers.forEach(u -> follow(u, Topic.measure(BOUSAI)));
		line.fail(MULTICAST, 2, 500, Duration.ZERO);
		line.fail(MULTICAST, 2, 429, Duration.ZERO);

		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		awaitSent(change.id());
		assertThat(line.multicastRecipients()).isEqualTo(followers.stream().collect(Collectors.toMap(LineUserId::value, u -> 1)));
		Set<String> keys = line.requests(MULTICAST).stream().map(r -> r.headers().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase("X-Line-Retry-Key")).findFirst().orElseThrow().getValue().getFirst())
			.collect(Collectors.toSet());
		assertThat(line.requests(MULTICAST)).hasSize(5);
		assertThat(keys).hasSize(1);
	}

	@Test
	void aTimedOutMulticastThatLineExecutedIsNotSentAgain() {
		LineUserId user = lineUser();
		follow(user, Topic.measure(BOUSAI));
		line.fail(MULTICAST, 1, 200, Duration.ofMillis(1500));

		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		awaitSent(change.id());
		await().atMost(WAIT).until(() -> line.requests(MULTICAST).size() == 2);
		assertThat(line.requests(MULTICAST)).extracting(FakeLine.Received::status).containsExactlyInAnyOrder(200, 409);
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(user.value(), 1));
	}

	@Test
	void aRefusedBatchFailsWithLinesReason() {
		follow(lineUser(), Topic.measure(BOUSAI));
		line.fail(MULTICAST, 1, 400, Duration.ZERO, "The request body has 1 error(s)");

		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		await().atMost(WAIT).until(() -> deliveries.ofChange(change.id()).map(r -> r.batchesFailed() == 1).orElse(false));
		assertThat(deliveries.ofChange(change.id()).orElseThrow().errors())
			.containsExactly("HTTP 400: The request body has 1 error(s)");
		await().atMost(WAIT).until(() -> deliveries.ofChange(change.id()).orElseThrow().state().equals("FAILED"));
		assertThat(line.requests(MULTICAST)).hasSize(1);
	}

	@Test
	void theMonthlyQuotaUsedUpPausesSendingUntilResumed() {
		LineUserId user = lineUser();
		follow(user, Topic.measure(BOUSAI));
		line.fail(MULTICAST, 1, 429, Duration.ZERO, "You have reached your monthly limit.");

		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		await().atMost(WAIT).until(() -> deliveries.quotaPause().isPresent());
		assertThat(deliveries.ofChange(change.id()).orElseThrow().state()).isEqualTo("PAUSED");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> line.requests(MULTICAST).size() == 1);
		deliveries.resumeAfterQuota();
		awaitSent(change.id());
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(user.value(), 1));
	}

	@Test
	void aDeliveryTheQuotaDoesNotCoverWaitsForAnAdministrator() {
		List<LineUserId> followers = List.of(lineUser(), lineUser(), lineUser());
		followers.forEach(u -> follow(u, Topic.measure(HINAN)));
		line.quota(100L, 99L);

		RatingChange change = record(mongo, events, change(HINAN, "避難行動要支援者に係るシステムの運用", "B", "C"));

		await().atMost(WAIT).until(() -> deliveries.ofChange(change.id()).map(r -> r.state().equals("PAUSED")).orElse(false));
		assertThat(deliveries.ofChange(change.id()).orElseThrow().pauseReason()).contains("1 messages left", "needs 3");
		assertThat(line.requests(MULTICAST)).isEmpty();
		deliveries.resume(deliveries.ofChange(change.id()).orElseThrow().id());
		awaitSent(change.id());
		assertThat(line.multicastRecipients()).hasSize(3);
	}

	@Test
	void overTheDailyCapChangesWaitForTheNextDaysDigest() {
		LineUserId user = lineUser();
		follow(user, Topic.measure(BOUSAI));
		for (int round = 0; round < 3; round++) {
			RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", round % 2 == 0 ? "A" : "B"));
			await().atMost(WAIT).until(() -> deliveries.ofChange(change.id()).map(r -> r.plannedAt() != null).orElse(false));
		}
		await().atMost(WAIT).until(() -> line.multicastRecipients().getOrDefault(user.value(), 0) == 2);
		assertThat(mongo.findAll(HeldNotices.HeldNotice.class)).extracting(HeldNotices.HeldNotice::userId).contains(user.value());

		// the next day: what was held goes out as one digest
		mongo.findAll(HeldNotices.HeldNotice.class).forEach(h -> {
			mongo.remove(h);
			mongo.insert(new HeldNotices.HeldNotice(h.userId() + "|" + LocalDate.now(SendWindow.TOKYO).minusDays(1), h.userId(),
					LocalDate.now(SendWindow.TOKYO).minusDays(1).toString(), h.changeIds()));
		});
		await().atMost(WAIT).until(() -> line.multicastRecipients().getOrDefault(user.value(), 0) == 3);
		assertThat(textByRecipient().get(user.value())).contains("まとめてお知らせします", BOUSAI_TITLE);
		assertThat(mongo.findAll(HeldNotices.HeldNotice.class)).isEmpty();
		assertThat(deliveries.recent(1).getFirst()).satisfies(digest -> {
			assertThat(digest.kind()).isEqualTo("DIGEST");
			await().atMost(WAIT).until(() -> deliveries.find(digest.id()).orElseThrow().state().equals("SENT"));
		});
	}

	private void follow(LineUserId user, Topic topic) {
		assertThat(subscriptions.follow(user, topic)).isEqualTo(Subscriptions.Outcome.ADDED);
	}

	/** Finished, and the report says so. */
	private void awaitSent(String changeId) {
		await().atMost(WAIT).until(() -> deliveries.ofChange(changeId)
			.map(r -> r.state().equals("SENT") && r.batchesPending() == 0 && r.finishedAt() != null).orElse(false));
	}

	private List<String> simulatorMessages(LineUserId user) {
		return simulator.take(user);
	}

	private static Map<String, Integer> ids(Map<LineUserId, Integer> received) {
		return received.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
	}

	/** The text of the last message each user got. */
	private Map<String, String> textByRecipient() {
		Map<String, String> texts = new java.util.HashMap<>();
		line.accepted(MULTICAST).forEach(r -> {
			JsonNode body = r.json();
			body.path("to").forEach(to -> texts.put(to.asText(), body.at("/messages/0/text").asText()));
		});
		return texts;
	}
}
