package jp.shisakunavi.notify;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingsChanged;
import jp.shisakunavi.users.LineUserId;

/** Rating changes as the evaluation intake records them, for tests of what follows from them. */
final class NotifyFixture {

	static final String BOUSAI = "tajimi-4-1-01";
	static final String BOUSAI_TITLE = "防災情報伝達の多重化(戸別受信機・防災アプリ導入関連)に関する取組み";
	static final String HINAN = "tajimi-4-1-02";

	private NotifyFixture() {
	}

	/** An applied change, as the intake leaves it. */
	static RatingChange change(String measureId, String title, String oldRating, String newRating) {
		Instant now = Instant.now();
		return new RatingChange("test-" + UUID.randomUUID(), RatingChange.Kind.NEW_YEAR, "tajimi-4", "多治見市", "1",
				measureId, title, measureId, title, List.of("危機管理課"), null, 2023, oldRating, "目標どおりに実施",
				newRating, "目標を上回って実施", null, false, now, true, now);
	}

	static RatingChange record(MongoTemplate mongo, ApplicationEventPublisher events, RatingChange change) {
		mongo.insert(change);
		events.publishEvent(new RatingsChanged(List.of(change.id())));
		return change;
	}

	/**
	 * The service on its own data directory, with LINE played by the fake, the admin API's bootstrap token, and notification
	 * workers that look for work and retry quickly; each test adds its send window, coalescing and cap.
	 */
	static void fastNotificationsWith(FakeLine line, Path dataDir, DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", dataDir::toString);
		AdminApi.credentials(registry);
		line.connect(registry);
		registry.add("line.bot.read-timeout", () -> "1s");
		registry.add("shisaku.delivery.poll-interval", () -> "100ms");
		registry.add("shisaku.delivery.retry-backoff", () -> "100ms");
	}

	/**
	 * Nothing left to send from one test to the next: deliveries cancelled, chunks closed, changes and what was
	 * noticed of them, held notices, daily counts, subscribers and blocked users gone, sending not paused.
	 */
	static void settle(MongoTemplate mongo) {
		mongo.updateMulti(new Query(), Update.update("state", "CANCELLED"), "deliveries");
		mongo.updateMulti(new Query(), Update.update("done", true), "delivery_chunks");
		mongo.remove(new Query(), RatingChange.class);
		mongo.remove(new Query(), ChangeNotices.ChangeNotice.class);
		mongo.remove(new Query(), HeldNotices.HeldNotice.class);
		mongo.remove(new Query(), "daily_counts");
		mongo.remove(new Query(), Subscriber.class);
		mongo.remove(new Query(), "line_users");
		mongo.remove(new Query(), "delivery_state");
	}

	/** Each test starts with nothing left to send from the one before ({@code @ExtendWith(NotifyFixture.Settle.class)}). */
	static final class Settle implements AfterEachCallback {

		@Override
		public void afterEach(ExtensionContext context) {
			settle(SpringExtension.getApplicationContext(context).getBean(MongoTemplate.class));
		}
	}

	static LineUserId lineUser() {
		return LineUserId.of("U" + UUID.randomUUID().toString().replace("-", ""));
	}

	static LineUserId simulatorUser() {
		return LineUserId.of("sim-" + UUID.randomUUID());
	}
}
