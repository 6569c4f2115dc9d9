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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.delivery.SendWindow;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;
import jp.shisakunavi.system.UserIds;

/**
 * The notifications admin API over real HTTP with an API token: deliveries and their counts, dry runs that send and
 * write nothing, announcements to exactly a segment (now, or scheduled and cancellable), and 400 with a reason
 * for every bad request. Rating changes wait an hour to be coalesced here, so that they stay undelivered until
 * a test marks them urgent.
 */
@ExtendWith(NotifyFixture.Settle.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsAdminApiTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final String DELIVERIES = "deliveries";
	static final String DAILY_COUNTS = "daily_counts";
	static final Duration WAIT = Duration.ofSeconds(30);
	static final Duration QUIET = Duration.ofSeconds(2);
	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		NotifyFixture.fastNotificationsWith(line, dataDir, registry);
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.notify.coalesce", () -> "1h");
		registry.add("shisaku.notify.daily-cap", () -> "3");
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	LineUsers users;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void everyEndpointRefusesWithoutCredentials() {
		LineUserId user = lineUser();
		follow(user, Topic.city("多治見市"));
		long deliveries = mongo.count(new Query(), DELIVERIES);
		Map<String, Object> announcement = Map.of("topics", List.of("city:多治見市"), "text", "お知らせです");
		List<String[]> endpoints = List.of(new String[] { "GET", "/admin/api/deliveries" },
				new String[] { "GET", "/admin/api/deliveries/some-id" },
				new String[] { "POST", "/admin/api/deliveries/some-id/resume" },
				new String[] { "POST", "/admin/api/deliveries/some-id/cancel" },
				new String[] { "POST", "/admin/api/quota/resume" },
				new String[] { "GET", "/admin/api/changes/some-id/delivery" },
				new String[] { "POST", "/admin/api/changes/some-id/preview" },
				new String[] { "POST", "/admin/api/changes/some-id/urgent" },
				new String[] { "POST", "/admin/api/announcements" });

		for (String[] endpoint : endpoints) {
			HttpEntity<?> body = endpoint[1].endsWith("announcements") ? new HttpEntity<>(announcement) : HttpEntity.EMPTY;
			for (TestRestTemplate client : List.of(http, AdminApi.withToken(http, "snv_wrong"))) {
				assertThat(client.exchange(endpoint[1], HttpMethod.valueOf(endpoint[0]), body, String.class).getStatusCode())
					.as(endpoint[0] + " " + endpoint[1])
					.isEqualTo(HttpStatus.UNAUTHORIZED);
			}
		}
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).isEmpty());
		assertThat(mongo.count(new Query(), DELIVERIES)).isEqualTo(deliveries);
	}

	@Test
	void previewOfAChangeCountsItsRecipientsAndSendsAndWritesNothing() {
		LineUserId byMeasure = lineUser();
		LineUserId byCity = lineUser();
		LineUserId overTheCap = lineUser();
		LineUserId otherCity = lineUser();
		follow(byMeasure, Topic.measure(BOUSAI));
		follow(byCity, Topic.city("多治見市"));
		follow(overTheCap, Topic.city("多治見市"));
		follow(otherCity, Topic.city("各務原市"));
		LocalDate today = LocalDate.now(SendWindow.TOKYO);
		mongo.insert(new Document("_id", today + "|citizens|" + overTheCap.value().substring(0, 3)).append("day", today.toString())
			.append("counter", "citizens").append("counts", new Document(overTheCap.value(), 3)), DAILY_COUNTS);
		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));
		Map<String, Long> before = stored();

		ResponseEntity<JsonNode> preview = admin().postForEntity("/admin/api/changes/{id}/preview", null, JsonNode.class,
				change.id());

		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = preview.getBody();
		assertThat(body.get("recipients").asLong()).isEqualTo(3);
		assertThat(body.get("sendNow").asLong()).isEqualTo(2);
		assertThat(body.get("heldForDigest").asLong()).isEqualTo(1);
		assertThat(body.get("lineUsers").asLong()).isEqualTo(3);
		assertThat(texts(body.get("sample"))).allMatch(s -> s.matches("u:[0-9a-f]{8}"))
			.containsExactlyInAnyOrder(UserIds.masked(byMeasure.value()), UserIds.masked(byCity.value()),
					UserIds.masked(overTheCap.value()));
		assertThat(body.toString()).doesNotContain(byMeasure.value(), byCity.value(), overTheCap.value());
		assertThat(body.get("text").asText()).contains(BOUSAI_TITLE, "B（目標どおりに実施）", "A（目標を上回って実施）");

		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).isEmpty());
		assertThat(stored()).isEqualTo(before);
		assertThat(mongo.findAll(Document.class, DAILY_COUNTS).toString()).doesNotContain(byCity.value());
		assertThat(admin().getForEntity("/admin/api/changes/{id}/delivery", String.class, change.id()).getStatusCode())
			.as("no delivery while the change waits").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(admin().postForEntity("/admin/api/changes/{id}/preview", null, String.class, "no-such-change")
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void deliveriesAreListedWithTheirCountsAndFoundByChange() {
		LineUserId byMeasure = lineUser();
		LineUserId byCity = lineUser();
		follow(byMeasure, Topic.measure(BOUSAI));
		follow(byCity, Topic.city("多治見市"));
		RatingChange change = record(mongo, events, change(BOUSAI, BOUSAI_TITLE, "B", "A"));

		assertThat(admin().postForEntity("/admin/api/changes/{id}/urgent", null, Void.class, change.id()).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		await().atMost(WAIT).until(() -> {
			ResponseEntity<JsonNode> report = admin().getForEntity("/admin/api/changes/{id}/delivery", JsonNode.class,
					change.id());
			return report.getStatusCode() == HttpStatus.OK && report.getBody().get("batchesSent").asInt() == 1;
		});
		JsonNode ofChange = admin().getForObject("/admin/api/changes/{id}/delivery", JsonNode.class, change.id());
		assertThat(ofChange.get("kind").asText()).isEqualTo("CHANGES");
		assertThat(texts(ofChange.get("changeIds"))).containsExactly(change.id());
		await().atMost(WAIT).until(() -> admin().getForObject("/admin/api/changes/{id}/delivery", JsonNode.class,
				change.id()).get("state").asText().equals("SENT"));
		ofChange = admin().getForObject("/admin/api/changes/{id}/delivery", JsonNode.class, change.id());
		assertThat(ofChange.has("finishedAt")).isTrue();
		assertThat(ofChange.get("urgent").asBoolean()).isTrue();
		assertThat(ofChange.get("recipients").asInt()).isEqualTo(2);
		assertThat(ofChange.get("recipientsSent").asLong()).isEqualTo(2);
		assertThat(ofChange.get("batchesPending").asInt()).isZero();
		assertThat(ofChange.get("batchesFailed").asInt()).isZero();
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(byMeasure.value(), 1, byCity.value(), 1));

		String id = ofChange.get("id").asText();
		assertThat(admin().getForObject("/admin/api/deliveries/{id}", JsonNode.class, id)).isEqualTo(ofChange);
		ResponseEntity<JsonNode> list = admin().getForEntity("/admin/api/deliveries?limit=5", JsonNode.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody().get("deliveries").size()).isBetween(1, 5);
		assertThat(list.getBody().get("deliveries").get(0)).as("newest first").isEqualTo(ofChange);
		assertThat(list.getBody().get("quotaPause").asText()).isEmpty();

		assertThat(admin().getForEntity("/admin/api/deliveries/{id}", String.class, "no-such-delivery").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(admin().getForEntity("/admin/api/changes/{id}/delivery", String.class, "no-such-change").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aDryRunAnnouncementTellsWhoWouldGetItAndSendsNothing() {
		LineUserId byCity = lineUser();
		LineUserId otherCity = lineUser();
		follow(byCity, Topic.city("多治見市"));
		follow(otherCity, Topic.city("各務原市"));
		Map<String, Long> before = stored();

		ResponseEntity<JsonNode> preview = admin().postForEntity("/admin/api/announcements",
				Map.of("topics", List.of("city:多治見市"), "text", "市役所の窓口が変わります。", "dryRun", true), JsonNode.class);
		ResponseEntity<JsonNode> longest = admin().postForEntity("/admin/api/announcements",
				Map.of("topics", List.of("city:多治見市"), "text", "あ".repeat(2000), "dryRun", true), JsonNode.class);

		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preview.getBody().get("recipients").asLong()).isEqualTo(1);
		assertThat(preview.getBody().get("sendNow").asLong()).isEqualTo(1);
		assertThat(texts(preview.getBody().get("sample"))).containsExactly(UserIds.masked(byCity.value()));
		assertThat(preview.getBody().get("text").asText()).isEqualTo("【施策ナビ】お知らせ\n市役所の窓口が変わります。");
		assertThat(longest.getStatusCode()).as("2000 characters are allowed").isEqualTo(HttpStatus.OK);
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).isEmpty());
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void anAnnouncementReachesExactlyTheFollowersOfItsSegmentOnce() {
		LineUserId byCity = lineUser();
		LineUserId alsoByCity = lineUser();
		LineUserId byMeasureOnly = lineUser();
		LineUserId otherCity = lineUser();
		LineUserId blocked = lineUser();
		follow(byCity, Topic.city("多治見市"));
		follow(alsoByCity, Topic.city("多治見市"));
		follow(alsoByCity, Topic.city("各務原市"));
		follow(byMeasureOnly, Topic.measure(BOUSAI));
		follow(otherCity, Topic.city("各務原市"));
		follow(blocked, Topic.city("多治見市"));
		users.unfollowed(blocked);

		ResponseEntity<JsonNode> created = admin().postForEntity("/admin/api/announcements",
				Map.of("topics", List.of("city:多治見市"), "text", "市役所の窓口が変わります。"), JsonNode.class);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = created.getBody().get("id").asText();
		assertThat(created.getBody().get("kind").asText()).isEqualTo("ANNOUNCEMENT");
		await().atMost(WAIT).until(() -> report(id).get("state").asText().equals("SENT"));
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).size() == 1);
		assertThat(report(id).get("batchesSent").asInt()).isEqualTo(1);
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(byCity.value(), 1, alsoByCity.value(), 1));
		assertThat(line.accepted(MULTICAST).getFirst().json().at("/messages/0/text").asText())
			.isEqualTo("【施策ナビ】お知らせ\n市役所の窓口が変わります。");
		assertThat(report(id).get("recipients").asInt()).isEqualTo(2);

		ResponseEntity<JsonNode> cancel = admin().postForEntity("/admin/api/deliveries/{id}/cancel", null, JsonNode.class, id);
		assertThat(cancel.getStatusCode()).as("already sent").isEqualTo(HttpStatus.CONFLICT);
		assertThat(cancel.getBody().get("state").asText()).isEqualTo("SENT");
	}

	@Test
	void aScheduledAnnouncementWaitsForItsTimeAndCanBeCancelledUntilThen() {
		LineUserId tajimi = lineUser();
		LineUserId kakamigahara = lineUser();
		follow(tajimi, Topic.city("多治見市"));
		follow(kakamigahara, Topic.city("各務原市"));
		OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusSeconds(5);

		JsonNode withdrawn = announce("city:各務原市", "まもなく説明会が始まります。", soon);
		ResponseEntity<JsonNode> cancelled = admin().postForEntity("/admin/api/deliveries/{id}/cancel", null,
				JsonNode.class, withdrawn.get("id").asText());
		JsonNode kept = announce("city:多治見市", "まもなく説明会が始まります。", soon);
		JsonNode later = announce("city:多治見市", "来月の説明会のお知らせです。", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(1));

		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody().get("state").asText()).isEqualTo("CANCELLED");
		assertThat(later.get("state").asText()).isEqualTo("PLANNED");

		await().atMost(WAIT).until(() -> line.multicastRecipients().containsKey(tajimi.value()));
		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).size() == 1);
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(tajimi.value(), 1));
		assertThat(line.accepted(MULTICAST).getFirst().json().at("/messages/0/text").asText()).contains("まもなく説明会");
		await().atMost(WAIT).until(() -> report(kept.get("id").asText()).get("state").asText().equals("SENT"));
		assertThat(report(later.get("id").asText()).get("state").asText()).isEqualTo("PLANNED");
		assertThat(report(withdrawn.get("id").asText()).get("state").asText()).isEqualTo("CANCELLED");

		ResponseEntity<JsonNode> cancelLater = admin().postForEntity("/admin/api/deliveries/{id}/cancel", null,
				JsonNode.class, later.get("id").asText());
		assertThat(cancelLater.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelLater.getBody().get("state").asText()).isEqualTo("CANCELLED");
		assertThat(admin().postForEntity("/admin/api/deliveries/{id}/cancel", null, String.class, "no-such-delivery")
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void badRequestsAreRefusedWithTheReasonAndNeverA500() {
		follow(lineUser(), Topic.city("多治見市"));
		long deliveries = mongo.count(new Query(), DELIVERIES);
		List<Refused> refused = List.of(new Refused("colour:red", "お知らせ", "'colour:red' is not a topic"),
				new Refused("city:", "お知らせ", "'city:' is not a topic"),
				new Refused("city:東京都", "お知らせ", "'city:東京都' names nothing that exists"),
				new Refused("city:多治見市", "", "needs a text"), new Refused("city:多治見市", "   ", "needs a text"),
				new Refused("city:多治見市", "あ".repeat(2001), "at most 2000 characters"));

		for (Refused bad : refused) {
			for (boolean dryRun : List.of(false, true)) {
				ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/announcements",
						Map.of("topics", List.of(bad.topic()), "text", bad.text(), "dryRun", dryRun), JsonNode.class);
				assertThat(answer.getStatusCode()).as(bad + " dryRun=" + dryRun).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(answer.getBody().get("detail").asText()).as(bad.toString()).contains(bad.reason());
			}
		}

		ResponseEntity<JsonNode> malformed = admin().postForEntity("/admin/api/announcements",
				json("{\"topics\": [\"city:多治見市\"], \"text\": "), JsonNode.class);
		ResponseEntity<JsonNode> badTime = admin().postForEntity("/admin/api/announcements",
				json("{\"topics\": [\"city:多治見市\"], \"text\": \"お知らせ\", \"sendAt\": \"来週\"}"), JsonNode.class);
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		for (ResponseEntity<JsonNode> answer : List.of(malformed, badTime)) {
			assertThat(answer.getBody().get("detail").asText()).as("about announcements, not evaluations")
				.contains("text").doesNotContain("評価");
		}

		for (String limit : List.of("0", "-1", "201", "many")) {
			ResponseEntity<JsonNode> answer = admin().getForEntity("/admin/api/deliveries?limit=" + limit, JsonNode.class);
			assertThat(answer.getStatusCode()).as("limit=" + limit).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody().get("detail").asText()).as("limit=" + limit).contains("limit");
		}

		await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> line.requests(MULTICAST).isEmpty());
		assertThat(mongo.count(new Query(), DELIVERIES)).isEqualTo(deliveries);
	}

	private record Refused(String topic, String text, String reason) {
	}

	private JsonNode announce(String topic, String text, OffsetDateTime at) {
		ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/announcements",
				Map.of("topics", List.of(topic), "text", text, "sendAt", at.toString()), JsonNode.class);
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
		return answer.getBody();
	}

	private JsonNode report(String deliveryId) {
		return admin().getForObject("/admin/api/deliveries/{id}", JsonNode.class, deliveryId);
	}

	/** How many documents notifications keep of each kind: a dry run must not change any of them. */
	private Map<String, Long> stored() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String collection : List.of(DELIVERIES, "delivery_chunks", DAILY_COUNTS, "held_notices",
				"delivery_messages")) {
			counts.put(collection, mongo.count(new Query(), collection));
		}
		counts.put("messages counted for the daily cap", mongo.findAll(Document.class, DAILY_COUNTS).stream()
			.flatMap(day -> day.get("counts", Document.class).values().stream())
			.mapToLong(count -> ((Number) count).longValue())
			.sum());
		return counts;
	}

	private void follow(LineUserId user, Topic topic) {
		assertThat(subscriptions.follow(user, topic)).isEqualTo(Subscriptions.Outcome.ADDED);
	}

	private TestRestTemplate admin() {
		return AdminApi.admin(http);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asText()));
		return texts;
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
