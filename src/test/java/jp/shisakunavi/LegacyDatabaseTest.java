package jp.shisakunavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.notify.Notifications;

/**
 * A database written by the version before users had one record and delivery its own module: citizens and
 * subscriptions with their {@code active} flags, rating changes marked {@code deliveryPlanned}, deliveries with
 * their parameters among their fields and no window. At start-up they are migrated once — one LINE user each,
 * blocked where either flag said so; changes already delivered are never sent again, the one still waiting is sent
 * once; an announcement planned but not sent goes out once — and running the migrations again changes nothing.
 */
@SpringBootTest
@DirtiesContext
class LegacyDatabaseTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final String BOUSAI = "tajimi-4-1-01";
	static final String FOLLOWS = "U" + "a".repeat(32);
	static final String BLOCKED_AS_CITIZEN = "U" + "b".repeat(32);
	static final String BLOCKED_AS_SUBSCRIBER = "U" + "c".repeat(32);
	static final String FLAGS_DISAGREE = "U" + "d".repeat(32);
	static final String FOLLOWS_THE_CITY = "U" + "e".repeat(32);
	static final Duration WAIT = Duration.ofSeconds(30);
	static final MongoServer database = new MongoServer(new MemoryBackend());
	static final String uri = "mongodb://127.0.0.1:" + database.bind().getPort() + "/legacy";
	/** Not the extension, which forgets what it received before each test: here sending starts with the service. */
	static final FakeLine line = FakeLine.start();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		writeTheOldVersionsData();
		registry.add("shisaku.mongodb-uri", () -> uri);
		registry.add("shisaku.data-dir", dataDir::toString);
		line.connect(registry);
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.notify.coalesce", () -> "0s");
		registry.add("shisaku.delivery.poll-interval", () -> "100ms");
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@Autowired
	Notifications notifications;

	/** The database and the fake go with the service: closed after the class, as the service is ({@code @DirtiesContext}). */
	@TestConfiguration
	static class Outside {
		@Bean(destroyMethod = "shutdown")
		MongoServer legacyDatabase() {
			return database;
		}

		@Bean(destroyMethod = "close")
		FakeLine fakeLine() {
			return line;
		}
	}

	@Test
	void theOldRecordsBecomeOneUserEachAndOnlyTheChangeNoDeliveryTookIsSent() {
		assertThat(mongo.count(new Query(), "citizens")).isZero();
		assertThat(user(FOLLOWS)).containsEntry("municipality", "多治見市").containsEntry("following", true);
		assertThat(user(BLOCKED_AS_CITIZEN)).containsEntry("municipality", "茅ヶ崎市").containsEntry("following", false);
		assertThat(user(BLOCKED_AS_SUBSCRIBER)).containsEntry("following", false).doesNotContainKey("municipality");
		assertThat(user(FLAGS_DISAGREE)).containsEntry("following", false);
		assertThat(mongo.findAll(Document.class, "subscriptions")).hasSize(4).allSatisfy(subscriber -> {
			assertThat(subscriber).doesNotContainKey("active");
			assertThat(subscriber.getList("topics", String.class)).isNotEmpty();
		});
		assertThat(mongo.findAll(Document.class, "rating_changes")).allSatisfy(change -> {
			assertThat(change).doesNotContainKey("deliveryPlanned");
			assertThat(change.getDate("appliedAt")).isEqualTo(change.getDate("recordedAt"));
		});

		await().atMost(WAIT).until(() -> line.multicastRecipients().size() == 2);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> line.requests(MULTICAST).size() == 2);
		assertThat(line.multicastRecipients()).isEqualTo(Map.of(FOLLOWS, 1, FOLLOWS_THE_CITY, 1));
		assertThat(textTo(FOLLOWS)).contains("B（目標どおりに実施） → C", "訂正");
		assertThat(textTo(FOLLOWS_THE_CITY)).isEqualTo("【施策ナビ】お知らせ\n旧版からのお知らせです。");
		await().atMost(WAIT).until(() -> notifications.find("announcement-legacy").orElseThrow().state().equals("SENT"));
		assertThat(notifications.find("announcement-legacy").orElseThrow()).satisfies(announcement -> {
			assertThat(announcement.segment()).containsExactly("city:茅ヶ崎市");
			assertThat(announcement.window()).isEqualTo("citizens");
			assertThat(announcement.recipientsSent()).isEqualTo(1);
		});
		await().atMost(WAIT).until(() -> notifications.ofChange("legacy-delivered").orElseThrow().state().equals("SENT"));
		assertThat(notifications.ofChange("legacy-delivered").orElseThrow().changeIds()).containsExactly("legacy-delivered");

		Map<String, List<Document>> migrated = snapshot();
		context.getBeansOfType(SmartInitializingSingleton.class).values().stream()
			.filter(bean -> bean.getClass().getName().startsWith("jp.shisakunavi."))
			.forEach(SmartInitializingSingleton::afterSingletonsInstantiated);
		assertThat(snapshot()).as("migrating again changes nothing").isEqualTo(migrated);
		assertThat(line.violations()).isEmpty();
	}

	private String textTo(String user) {
		return line.accepted(MULTICAST).stream().filter(r -> r.json().at("/to/0").asText().equals(user)).findFirst()
			.orElseThrow().json().at("/messages/0/text").asText();
	}

	private Document user(String id) {
		return mongo.findById(id, Document.class, "line_users");
	}

	private Map<String, List<Document>> snapshot() {
		return Map.of("line_users", mongo.findAll(Document.class, "line_users"), "subscriptions",
				mongo.findAll(Document.class, "subscriptions"), "change_notices", mongo.findAll(Document.class, "change_notices"),
				"citizens", mongo.findAll(Document.class, "citizens"), "deliveries", mongo.findAll(Document.class, "deliveries"));
	}

	/**
	 * As the version before left them: two records per user, rating changes flagged by the notifications, the
	 * delivery that took the delivered one, and an announcement planned outside the send window, not yet sent.
	 */
	private static void writeTheOldVersionsData() {
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase db = client.getDatabase("legacy");
			Date dayAgo = Date.from(Instant.now().minus(Duration.ofDays(1)));
			db.getCollection("citizens").insertMany(List.of(
					new Document("_id", FOLLOWS).append("municipality", "多治見市").append("active", true).append("updatedAt", dayAgo),
					new Document("_id", BLOCKED_AS_CITIZEN).append("municipality", "茅ヶ崎市").append("active", false)
						.append("updatedAt", dayAgo),
					new Document("_id", FLAGS_DISAGREE).append("active", true).append("updatedAt", dayAgo)));
			db.getCollection("subscriptions").insertMany(List.of(
					new Document("_id", FOLLOWS).append("active", true).append("topics", List.of("measure:" + BOUSAI)),
					new Document("_id", BLOCKED_AS_SUBSCRIBER).append("active", false).append("topics", List.of("measure:" + BOUSAI)),
					new Document("_id", FLAGS_DISAGREE).append("active", false).append("topics", List.of("city:多治見市")),
					new Document("_id", FOLLOWS_THE_CITY).append("active", true).append("topics", List.of("city:茅ヶ崎市"))));
			db.getCollection("rating_changes").insertMany(List.of(
					change("legacy-delivered", "NEW_YEAR", "A", "B", true, dayAgo),
					change("legacy-waiting", "CORRECTION", "B", "C", false, Date.from(Instant.now().minusSeconds(600)))));
			db.getCollection("deliveries").insertMany(List.of(
					new Document("_id", "changes-legacy").append("kind", "CHANGES").append("changeIds", List.of("legacy-delivered"))
						.append("segment", List.of()).append("urgent", false).append("notBefore", dayAgo).append("state", "PLANNED")
						.append("plannedUpTo", "").append("chunks", 0).append("recipients", 0).append("held", 0)
						.append("createdAt", dayAgo).append("plannedAt", dayAgo),
					new Document("_id", "announcement-legacy").append("kind", "ANNOUNCEMENT").append("changeIds", List.of())
						.append("segment", List.of("city:茅ヶ崎市")).append("text", "旧版からのお知らせです。").append("urgent", false)
						.append("notBefore", dayAgo).append("state", "PLANNED").append("plannedUpTo", FOLLOWS_THE_CITY)
						.append("chunks", 1).append("recipients", 1).append("held", 0).append("createdAt", dayAgo)
						.append("plannedAt", dayAgo)));
			db.getCollection("delivery_chunks").insertOne(new Document("_id", "announcement-legacy:000000")
				.append("deliveryId", "announcement-legacy").append("number", 0).append("urgent", false)
				.append("batches", List.of(new Document("retryKey", "8d3f1c1e-1b7a-3c55-9a4e-0f2b6c7d8e9f")
					.append("messageId", "announcement-legacy:m").append("channel", "LINE").append("userIds", List.of(FOLLOWS_THE_CITY))
					.append("recipients", 1).append("status", "PENDING").append("attempts", 0)))
				.append("lastUserId", FOLLOWS_THE_CITY).append("nextAttemptAt", dayAgo).append("leaseUntil", new Date(0))
				.append("done", false).append("createdAt", dayAgo));
			db.getCollection("delivery_messages").insertOne(new Document("_id", "announcement-legacy:m")
				.append("deliveryId", "announcement-legacy")
				.append("json", "[{\"type\":\"text\",\"text\":\"【施策ナビ】お知らせ\\n旧版からのお知らせです。\"}]"));
		}
	}

	private static Document change(String id, String kind, String oldRating, String newRating, boolean delivered,
			Date recordedAt) {
		return new Document("_id", id).append("kind", kind).append("planId", "tajimi-4").append("municipality", "多治見市")
			.append("pillarNumber", "1").append("measureId", BOUSAI).append("measureTitle", "防災情報伝達の多重化")
			.append("unitId", BOUSAI).append("unitTitle", "防災情報伝達の多重化").append("departments", List.of("危機管理課"))
			.append("fiscalYear", 2023).append("oldRating", oldRating).append("oldMeaning", "目標どおりに実施")
			.append("newRating", newRating).append("newMeaning", "目標に向けて実施").append("urgent", false)
			.append("recordedAt", recordedAt).append("applied", true).append("deliveryPlanned", delivered);
	}
}
