package jp.shisakunavi.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;

import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingsChanged;

/** Rating changes as the evaluation intake records them, for tests of what follows from them. */
final class NotifyFixture {

	static final String BOUSAI = "tajimi-4-1-01";
	static final String BOUSAI_TITLE = "防災情報伝達の多重化(戸別受信機・防災アプリ導入関連)に関する取組み";
	static final String HINAN = "tajimi-4-1-02";

	private NotifyFixture() {
	}

	static RatingChange change(String measureId, String title, String oldRating, String newRating) {
		return new RatingChange("test-" + UUID.randomUUID(), RatingChange.Kind.NEW_YEAR, "tajimi-4", "多治見市", "1",
				measureId, title, measureId, title, List.of("危機管理課"), null, 2023, oldRating, "目標どおりに実施",
				newRating, "目標を上回って実施", null, false, Instant.now(), true, false);
	}

	static RatingChange record(MongoTemplate mongo, ApplicationEventPublisher events, RatingChange change) {
		mongo.insert(change);
		events.publishEvent(new RatingsChanged(List.of(change.id())));
		return change;
	}

	static String lineUser() {
		return "U" + UUID.randomUUID().toString().replace("-", "");
	}
}
