package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.users.LineUsers;

/**
 * What citizens ask in LINE is logged without their user id, and answers about a measure or a FAQ entry carry the
 * feedback quick replies, whose first tap is stored with the question and every further tap changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuestionFeedbackWebhookTest {

	private static final String LOG = "question_log";
	private static final String QUESTION = "多治見市の防災アプリはいつ導入されたの？";

	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		fake.channel(registry, WebhookTest.SECRET);
	}

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	LineUsers users;

	@Test
	void aQuestionIsLoggedWithoutTheUserIdAndItsFeedbackIsTakenOnce() {
		LineChat chat = new LineChat(line, port, WebhookTest.SECRET);
		chat.say("多治見市");
		JsonNode answer = chat.say(QUESTION);
		assertThat(LineChat.texts(answer)).contains("防災情報伝達の多重化");
		List<String> quick = quickReplyLabels(answer);
		assertThat(quick).endsWith("役に立った", "役に立たなかった").hasSizeLessThanOrEqualTo(13);
		assertThat(LineChat.postbackData(answer)).allSatisfy(data -> assertThat(data.length()).isLessThanOrEqualTo(300));

		Document logged = await().atMost(WebhookTest.WAIT).until(() -> logged(QUESTION), d -> d != null);
		assertThat(logged.toJson()).doesNotContain(chat.user).doesNotContain(chat.user.substring(1));
		assertThat(logged.getString("asker")).matches("[0-9a-f]{32}");
		assertThat(logged.getString("municipality")).isEqualTo("多治見市");
		assertThat(logged.getString("outcome")).isEqualTo("ANSWERED");
		assertThat(logged.get("first", Document.class).getString("title")).contains("防災情報伝達の多重化");
		assertThat(logged.get("first", Document.class).getDouble("score")).isBetween(0.0, 1.0);

		assertThat(LineChat.texts(chat.tap(answer, "役に立たなかった"))).contains("ご意見ありがとうございます");
		assertThat(LineChat.texts(chat.tap(answer, "役に立たなかった"))).contains("すでにいただいています");
		assertThat(LineChat.texts(chat.tap(answer, "役に立った"))).contains("すでにいただいています");
		assertThat(logged(QUESTION).getString("feedback")).isEqualTo("NOT_HELPFUL");

		JsonNode second = chat.say("防災アプリはいつから？");
		assertThat(LineChat.texts(chat.tap(second, "役に立った"))).contains("今後の改善に役立てます");
		assertThat(logged("防災アプリはいつから？").getString("feedback")).isEqualTo("HELPFUL");
		assertThat(logged("防災アプリはいつから？").getString("asker")).as("the same person, the same key")
			.isEqualTo(logged.getString("asker"));
	}

	@Test
	void greetingsAndMenusGetNoFeedbackButtonsAndAQuestionNotAnsweredIsLoggedAsSuch() {
		LineChat chat = new LineChat(line, port, WebhookTest.SECRET);
		chat.say("多治見市");
		assertThat(quickReplyLabels(chat.say("こんにちは"))).doesNotContain("役に立った");
		assertThat(quickReplyLabels(chat.say("使い方"))).doesNotContain("役に立った");
		JsonNode unknown = chat.say("今日の天気を教えてください");
		assertThat(LineChat.texts(unknown)).contains("施策ナビは、市の情報化計画");
		assertThat(quickReplyLabels(unknown)).doesNotContain("役に立った");
		Document logged = await().atMost(WebhookTest.WAIT).until(() -> logged("今日の天気を教えてください"), d -> d != null);
		assertThat(logged.getString("outcome")).isEqualTo("NOT_ANSWERED");
		assertThat(logged("使い方")).as("a menu tap is not a question").isNull();
	}

	@Test
	void erasingTheUserUnlinksTheirQuestions() {
		LineChat chat = new LineChat(line, port, WebhookTest.SECRET);
		chat.say("多治見市");
		chat.say("多治見市の電子申請はどうなった？");
		await().atMost(WebhookTest.WAIT).until(() -> logged("多治見市の電子申請はどうなった？"), d -> d != null);
		JsonNode asked = chat.say("退会");
		assertThat(LineChat.texts(chat.tap(asked, "はい、削除します"))).contains("データを削除しました");
		Document logged = logged("多治見市の電子申請はどうなった？");
		assertThat(logged).isNotNull();
		assertThat(logged.containsKey("asker")).isFalse();
	}

	@Test
	void aBlockIsCountedOncePerDayForTheCityTheUserHadChosenWithoutTheirId() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		long before = users.unfollowsPerDay(today, today, "小山市").getOrDefault(today, 0L);
		LineChat chat = new LineChat(line, port, WebhookTest.SECRET);
		chat.say("小山市");
		chat.post(LineWebhook.unfollow(chat.user));
		await().atMost(WebhookTest.WAIT).until(() -> users.unfollowsPerDay(today, today, "小山市").getOrDefault(today, 0L),
				count -> count == before + 1);
		chat.post(LineWebhook.unfollow(chat.user));
		chat.say("小山市");
		assertThat(users.unfollowsPerDay(today, today, "小山市").get(today)).as("a second unfollow without a follow between")
			.isEqualTo(before + 1);
		assertThat(mongo.getCollection("unfollows_per_day").find().into(new ArrayList<>()).toString())
			.doesNotContain(chat.user);
	}

	private Document logged(String text) {
		return mongo.findOne(Query.query(where("text").is(text)), Document.class, LOG);
	}

	private static List<String> quickReplyLabels(JsonNode messages) {
		JsonNode last = messages.get(messages.size() - 1);
		return last.path("quickReply").path("items").findValues("label").stream().map(JsonNode::asText).toList();
	}
}
