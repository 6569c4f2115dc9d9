package jp.shisakunavi.notify;

import static jp.shisakunavi.notify.NotifyFixture.BOUSAI;
import static jp.shisakunavi.notify.NotifyFixture.BOUSAI_TITLE;
import static jp.shisakunavi.notify.NotifyFixture.change;
import static jp.shisakunavi.notify.NotifyFixture.lineUser;
import static jp.shisakunavi.notify.NotifyFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.delivery.DailyWindow;
import jp.shisakunavi.delivery.SendWindow;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.users.LineUserId;

/**
 * Outside the send window nothing goes out, until an administrator says it is urgent: then it goes out at once,
 * once. The window is the hour starting two hours from now, so that it is closed whenever the test runs.
 */
@ExtendWith(NotifyFixture.Settle.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotifyWindowTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final Duration WAIT = Duration.ofSeconds(30);
	static final Duration QUIET = Duration.ofSeconds(3);
	static final String CLOSED_WINDOW = closedWindow();
	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		NotifyFixture.fastNotificationsWith(line, dataDir, registry);
		registry.add("shisaku.notify.send-window", () -> CLOSED_WINDOW);
		registry.add("shisaku.notify.coalesce", () -> "200ms");
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Notifications deliveries;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void windowIsClosed() {
		assertThat(DailyWindow.parse("test", "NOTIFY_SEND_WINDOW", CLOSED_WINDOW).isOpen(Instant.now())).as(CLOSED_WINDOW)
			.isFalse();
	}

	@Test
	void aChangeOutsideTheWindowWaitsUntilAnAdministratorMarksItUrgent() {
		LineUserId follower = lineUser();
		LineUserId other = lineUser();
		follow(follower, Topic.measure(BOUSAI));
		follow(other, Topic.city("各務原市"));

		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		await().atMost(WAIT).until(() -> deliveries.ofChange(change.id()).map(r -> r.plannedAt() != null).orElse(false));
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).isEmpty());
		assertThat(deliveries.ofChange(change.id())).hasValueSatisfying(report -> {
			assertThat(report.urgent()).isFalse();
			assertThat(report.state()).isEqualTo("HELD");
			assertThat(report.recipients()).isEqualTo(1);
			assertThat(report.batchesPending()).isEqualTo(1);
			assertThat(report.batchesSent()).isZero();
		});

		ResponseEntity<Void> urgent = admin().postForEntity("/admin/api/changes/{id}/urgent", null, Void.class, change.id());

		assertThat(urgent.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		await().atMost(Duration.ofSeconds(10)).until(() -> !line.accepted(MULTICAST).isEmpty());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> line.requests(MULTICAST).size() == 1);
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(follower.value(), 1));
		assertThat(line.accepted(MULTICAST).getFirst().json().at("/messages/0/text").asText()).contains(BOUSAI_TITLE);
		await().atMost(WAIT).until(() -> deliveries.ofChange(change.id()).orElseThrow().state().equals("SENT"));
		assertThat(deliveries.ofChange(change.id())).hasValueSatisfying(report -> {
			assertThat(report.urgent()).isTrue();
			assertThat(report.batchesSent()).isEqualTo(1);
			assertThat(report.batchesPending()).isZero();
		});
	}

	@Test
	void urgentForAChangeNobodyRecordedIsNotFound() {
		assertThat(admin().postForEntity("/admin/api/changes/{id}/urgent", null, String.class, "no-such-change")
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void anUrgentAnnouncementGoesOutOutsideTheWindowAndAnOrdinaryOneWaits() {
		LineUserId follower = lineUser();
		follow(follower, Topic.city("多治見市"));

		JsonNode ordinary = announce("令和6年度の評価を公開しました。", false);
		JsonNode urgent = announce("避難所の開設状況をお知らせします。", true);

		await().atMost(WAIT).until(() -> !line.accepted(MULTICAST).isEmpty());
		await().atMost(WAIT).until(() -> report(ordinary).has("plannedAt"));
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).size() == 1);
		assertThat(report(ordinary).get("state").asText()).isEqualTo("HELD");
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(follower.value(), 1));
		assertThat(line.accepted(MULTICAST).getFirst().json().at("/messages/0/text").asText())
			.isEqualTo("【施策ナビ】お知らせ\n避難所の開設状況をお知らせします。");
		assertThat(report(urgent).get("batchesSent").asInt()).isEqualTo(1);
		assertThat(report(ordinary).get("batchesPending").asInt()).isEqualTo(1);
		assertThat(report(ordinary).get("batchesSent").asInt()).isZero();
	}

	private JsonNode announce(String text, boolean urgent) {
		ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/announcements",
				Map.of("topics", List.of("city:多治見市"), "text", text, "urgent", urgent), JsonNode.class);
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
		return answer.getBody();
	}

	private JsonNode report(JsonNode delivery) {
		return admin().getForObject("/admin/api/deliveries/{id}", JsonNode.class, delivery.get("id").asText());
	}

	private void follow(LineUserId user, Topic topic) {
		assertThat(subscriptions.follow(user, topic)).isEqualTo(Subscriptions.Outcome.ADDED);
	}

	private TestRestTemplate admin() {
		return AdminApi.admin(http);
	}

	/** From two to three hours from now, Tokyo time (spanning midnight when it must). */
	private static String closedWindow() {
		LocalTime now = LocalTime.now(SendWindow.TOKYO).truncatedTo(ChronoUnit.MINUTES);
		DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
		return now.plusHours(2).format(hhmm) + "-" + now.plusHours(3).format(hhmm);
	}

}
