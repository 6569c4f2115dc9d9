package jp.shisakunavi.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.search.Question;
import jp.shisakunavi.search.Search;
import jp.shisakunavi.users.LineUserId;

/**
 * The question log with the real search and the embedded database: questions meaning the same thing form one
 * review group, answered ones stay out unless marked unhelpful, people are counted by a key that stays the same
 * across restarts; questions older than the retention are purged.
 */
@SpringBootTest(properties = "shisaku.questions.retention=30d")
class QuestionLogTest {

	private static final Actor ADMIN = new Actor("test", "admin", "管理者", Role.ADMIN, List.of(), List.of(), null);
	private static final Actor OYAMA_VIEWER = new Actor("viewer", "viewer", "閲覧者", Role.VIEWER, List.of("小山市"), List.of(), null);

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
	}

	@Autowired
	QuestionLog log;

	@Autowired
	LogWriter writer;

	@Autowired
	ReviewQueue review;

	@Autowired
	Retention retention;

	@Autowired
	Search search;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Clock clock;

	@Test
	void questionsMeaningTheSameThingFormOneGroupOfTheirCity() {
		LineUserId first = LineUserId.of("U" + "1".repeat(32));
		LineUserId second = LineUserId.of("U" + "2".repeat(32));
		ask(first, "スマホ決済で税金を払える？", "多治見市");
		ask(second, "スマホ決済で税金を払える？", "多治見市");
		ask(second, "スマホ決済で税金は払えますか", "多治見市");
		ask(first, "ｽﾏﾎ決済で税金を払える", "多治見市");
		ask(first, "粗大ごみの出し方", "多治見市");
		ask(second, "スマホ決済で税金を払える？", "小山市");
		String answered = ask(first, "多治見市の防災アプリはいつ導入されたの？", "多治見市");
		String unhelpful = ask(second, "防災アプリはいつから？", "多治見市");
		writer.flush();
		assertThat(log.feedback(unhelpful, Feedback.NOT_HELPFUL)).isEqualTo(Feedback.Taken.RECORDED);
		assertThat(log.feedback(unhelpful, Feedback.HELPFUL)).isEqualTo(Feedback.Taken.ALREADY_GIVEN);
		assertThat(log.feedback("no-such-question", Feedback.HELPFUL)).isEqualTo(Feedback.Taken.UNKNOWN);

		List<ReviewGroup> tajimi = review.groups(ADMIN, "多治見市", ReviewQueue.Show.OPEN);
		Map<String, ReviewGroup> byText = tajimi.stream().collect(Collectors.toMap(ReviewGroup::text, g -> g));
		assertThat(byText).containsOnlyKeys("スマホ決済で税金を払える？", "粗大ごみの出し方", "防災アプリはいつから？");
		ReviewGroup tax = byText.get("スマホ決済で税金を払える？");
		assertThat(tax.count()).isEqualTo(4);
		assertThat(tax.askers()).isEqualTo(2);
		assertThat(tax.examples()).containsExactlyInAnyOrder("スマホ決済で税金を払える？", "スマホ決済で税金は払えますか", "ｽﾏﾎ決済で税金を払える");
		assertThat(tax.terms()).contains("税金");
		assertThat(tajimi.getFirst()).as("the most asked first").isSameAs(tax);
		assertThat(byText.get("防災アプリはいつから？").notHelpful()).isEqualTo(1);
		assertThat(tajimi).noneMatch(g -> g.ids().contains(answered));

		assertThat(review.groups(ADMIN, null, ReviewQueue.Show.OPEN)).filteredOn(g -> g.text().equals("スマホ決済で税金を払える？"))
			.as("one group per city").hasSize(2);
		assertThat(review.groups(OYAMA_VIEWER, null, ReviewQueue.Show.OPEN))
			.as("an account limited to 小山市 sees only its questions").singleElement()
			.satisfies(g -> assertThat(g.municipality()).isEqualTo("小山市"));
	}

	@Test
	void theAskersKeyIsTheSameAfterARestartAndDiffersWithAnotherSalt() {
		LineUserId user = LineUserId.of("U" + "3".repeat(32));
		QuestionLogProperties generated = new QuestionLogProperties(null, null, null);
		String key = new AskerKeys(mongo, generated).of(user);
		assertThat(key).matches("[0-9a-f]{32}").doesNotContain(user.value().substring(1, 9));
		assertThat(new AskerKeys(mongo, generated).of(user)).as("the generated salt is kept in the database").isEqualTo(key);
		assertThat(new AskerKeys(mongo, new QuestionLogProperties("a-salt-from-the-environment", null, null)).of(user))
			.isNotEqualTo(key);
	}

	@Test
	void questionsOlderThanTheRetentionArePurged() {
		String old = ask(LineUserId.of("U" + "4".repeat(32)), "古い質問です", "多治見市");
		String recent = ask(LineUserId.of("U" + "4".repeat(32)), "新しい質問です", "多治見市");
		writer.flush();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(old)),
				Update.update("at", clock.instant().minus(Duration.ofDays(31))),
				LoggedQuestion.class);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(recent)),
				Update.update("at", clock.instant().minus(Duration.ofDays(29))),
				LoggedQuestion.class);

		retention.purge();

		assertThat(mongo.findById(old, LoggedQuestion.class)).isNull();
		assertThat(mongo.findById(recent, LoggedQuestion.class)).isNotNull();
	}

	private String ask(LineUserId user, String text, String city) {
		return log.asked(new AskedQuestion(text, user, city, search.answer(new Question(text, city, 6))));
	}
}
