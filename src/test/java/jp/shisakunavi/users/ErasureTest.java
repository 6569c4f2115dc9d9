package jp.shisakunavi.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.notify.Topic;

/**
 * Erasing a user (退会) reaches every store that keeps LINE user ids, through the one SPI each implements, and
 * leaves every other user's data as it was.
 */
@SpringBootTest
class ErasureTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", dataDir::toString);
	}

	@Autowired
	LineUsers users;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@Test
	void everyStoreOfPersonalDataTakesPart() {
		assertThat(context.getBeansOfType(PersonalData.class).values())
			.extracting(store -> ClassUtils.getUserClass(store).getSimpleName())
			.containsExactlyInAnyOrder("Subscriptions", "HeldNotices", "DailyCounts", "PendingBatches", "SimulatorChannel",
					"StaffPersonalData", "StaffDialogs", "RichMenus", "AskerKeys");
	}

	@Test
	void erasingAUserForgetsThemEverywhereAndNobodyElse() {
		LineUserId user = LineUserId.of("U" + UUID.randomUUID().toString().replace("-", ""));
		LineUserId simulated = LineUserId.of("sim-" + UUID.randomUUID());
		LineUserId other = LineUserId.of("U" + user.value().substring(1, 3) + UUID.randomUUID().toString().replace("-", "").substring(2));
		for (LineUserId someone : List.of(user, simulated, other)) {
			users.chooseMunicipality(someone, "多治見市");
			subscriptions.follow(someone, Topic.city("多治見市"));
			keepEverywhere(someone);
		}

		users.erase(user);
		users.erase(simulated);
		users.erase(simulated);

		for (LineUserId erased : List.of(user, simulated)) {
			assertThat(users.find(erased)).isEmpty();
			assertThat(subscriptions.of(erased)).isEmpty();
			assertThat(stored()).as("nothing of %s is kept", erased).doesNotContain(erased.value());
		}
		assertThat(users.find(other)).isPresent();
		assertThat(subscriptions.of(other)).hasSize(1);
		assertThat(stored()).contains("held_notices", "daily_counts", "delivery_chunks", "simulator_inbox");
		for (String collection : List.of("held_notices", "daily_counts", "delivery_chunks", "user_menus", "staff_chat_dialogs")) {
			assertThat(mongo.findAll(Document.class, collection).toString()).as(collection).contains(other.value());
		}
	}

	/**
	 * What delivery and notifications keep about a user as they would: a held notice, a daily count, a place in a
	 * batch not yet sent, a message in the simulator's inbox (for a simulator user); the rich menu shown to them and
	 * where they are in a staff report dialog.
	 */
	private void keepEverywhere(LineUserId user) {
		LocalDate today = LocalDate.now();
		mongo.insert(new Document("_id", user.value() + "|" + today).append("userId", user.value())
			.append("day", today.toString()).append("changeIds", List.of("some-change")), "held_notices");
		String bucket = today + "|citizens|" + user.value().substring(0, user.simulator() ? 6 : 3);
		Document counts = mongo.findById(bucket, Document.class, "daily_counts");
		Document users = counts == null ? new Document() : counts.get("counts", Document.class);
		mongo.save(new Document("_id", bucket).append("day", today.toString()).append("counter", "citizens")
			.append("counts", users.append(user.value(), 2)), "daily_counts");
		mongo.insert(new Document("_id", "erase-test-" + UUID.randomUUID() + ":000000").append("deliveryId", "erase-test")
			.append("number", 0).append("window", "always").append("urgent", false).append("done", false)
			.append("cancelled", false).append("leaseUntil", new Date(0))
			.append("nextAttemptAt", Date.from(Instant.now().plusSeconds(3600)))
			.append("batches", List.of(new Document("retryKey", UUID.randomUUID().toString()).append("messageId", "m")
				.append("channel", user.simulator() ? "SIMULATOR" : "LINE").append("userIds", List.of(user.value(), "Uffff"))
				.append("recipients", 2).append("status", "PENDING").append("attempts", 0))), "delivery_chunks");
		mongo.insert(new Document("_id", user.value()).append("menu", "staff"), "user_menus");
		mongo.insert(new Document("_id", user.value()).append("obligationId", "o-1").append("step", "PROGRESS")
			.append("updatedAt", new Date()), "staff_chat_dialogs");
		if (user.simulator()) {
			mongo.insert(new Document("_id", "batch#0|" + user.value()).append("userId", user.value()).append("json", "[]")
				.append("receivedAt", new Date()), "simulator_inbox");
		}
	}

	private String stored() {
		StringBuilder all = new StringBuilder();
		for (String collection : List.of("line_users", "subscriptions", "held_notices", "daily_counts", "delivery_chunks",
				"simulator_inbox", "user_menus", "staff_chat_dialogs")) {
			all.append(collection).append(Map.of(collection, mongo.findAll(Document.class, collection)));
		}
		return all.toString();
	}
}
