package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.notify.Followed;
import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.notify.Topic;
import jp.shisakunavi.users.LineUserId;

/** Notification settings (通知設定) and data deletion in the chat, through the webhook and a fake LINE. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscriptionsWebhookTest {

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
	Subscriptions subscriptions;

	LineChat chat() {
		return new LineChat(line, port, WebhookTest.SECRET);
	}

	@Test
	void beforeChoosingACityTheUserIsAskedForOne() {
		JsonNode answer = chat().say("通知設定");
		assertThat(answer.get(0).path("text").asText()).isEqualTo("通知設定の前に、お住まいの市を選んでください。");
		assertThat(answer.get(0).path("quickReply").toString()).contains("多治見市", "茅ヶ崎市", "小山市", "各務原市");
	}

	@Test
	void followingTheCityAndAThemeShowsThemOnTheCardAndTheyCanBeUnfollowedAndCleared() {
		LineChat chat = chat();
		chat.say("多治見市");
		JsonNode card = chat.say("通知設定");
		assertThat(card.get(0).path("type").asText()).isEqualTo("flex");
		assertThat(card.toString()).contains("受け取っている通知（0件）", "まだ登録はありません。", "追加する（多治見市）");
		assertThat(LineChat.action(card, "すべて解除")).isEmpty();

		JsonNode added = chat.tap(card, "多治見市全体");
		assertThat(added.get(0).path("text").asText())
			.isEqualTo("「多治見市のすべての施策」の通知を登録しました。評価が変わったときにお知らせします。");
		assertThat(LineChat.action(added, "通知設定")).isPresent();
		assertThat(LineChat.texts(chat.tap(card, "多治見市全体"))).isEqualTo("「多治見市のすべての施策」はすでに登録されています。");

		JsonNode themes = chat.tap(card, "分野から選ぶ");
		assertThat(themes.toString()).contains("多治見市の分野", "防災・安全");
		assertThat(LineChat.texts(chat.tap(themes, "防災・安全"))).isEqualTo("「多治見市・防災・安全」の通知を登録しました。評価が変わったときにお知らせします。");
		assertThat(chat.tap(card, "分野から選ぶ").toString()).contains("登録済み");

		card = chat.tap(added, "通知設定");
		assertThat(card.toString()).contains("受け取っている通知（2件）", "多治見市のすべての施策", "多治見市・防災・安全");
		assertThat(card.findValues("action").stream().filter(a -> a.path("label").asText().equals("解除"))).hasSize(2);

		JsonNode unfollowed = chat.tap(card, "解除");
		assertThat(LineChat.texts(unfollowed)).isEqualTo("「多治見市のすべての施策」の通知を解除しました。");
		assertThat(LineChat.texts(chat.tap(card, "解除"))).isEqualTo("その通知はすでに解除されています。");
		card = chat.say("通知設定");
		assertThat(card.toString()).contains("受け取っている通知（1件）", "多治見市・防災・安全").doesNotContain("多治見市のすべての施策");

		assertThat(LineChat.texts(chat.tap(card, "すべて解除"))).isEqualTo("すべての通知を解除しました。");
		assertThat(chat.say("通知設定").toString()).contains("受け取っている通知（0件）");
		assertThat(subscriptions.of(LineUserId.of(chat.user))).isEmpty();
	}

	@Test
	void theMeasureCardsButtonFollowsThatMeasure() {
		LineChat chat = chat();
		JsonNode card = chat.say("多治見市の防災アプリはいつ導入されたの？");
		assertThat(card.toString()).contains("防災情報伝達の多重化");
		String followed = LineChat.texts(chat.tap(card, "この施策の通知を受け取る"));
		assertThat(followed).startsWith("「").endsWith("」の通知を登録しました。評価が変わったときにお知らせします。");
		assertThat(LineChat.texts(chat.tap(card, "この施策の通知を受け取る"))).endsWith("」はすでに登録されています。");
		String title = followed.substring(1, followed.indexOf('」'));
		assertThat(chat.say("通知設定").toString()).contains("受け取っている通知（1件）", title);
		assertThat(subscriptions.of(LineUserId.of(chat.user))).extracting(f -> f.topic().type()).containsExactly(Topic.Type.MEASURE);

		assertThat(LineChat.texts(chat.send(LineWebhook.postback(chat.user, "a=follow&id=no-such-measure"))))
			.isEqualTo("すみません、その通知先は見つかりませんでした。計画が更新された可能性があります。");
		assertThat(LineChat.texts(chat.send(LineWebhook.postback(chat.user, "a=add&t=AAAAAAAAAAAA"))))
			.isEqualTo("すみません、その通知先は見つかりませんでした。計画が更新された可能性があります。");
	}

	@Test
	void theTwentyFirstTopicIsRefusedPolitely() {
		LineChat chat = chat();
		chat.say("小山市");
		List<Topic> departments = TopicList.DEPARTMENT.in(subscriptions, "小山市").stream().map(Followed::topic).toList();
		assertThat(departments).hasSizeGreaterThan(20);
		departments.stream().limit(20).forEach(topic -> subscriptions.follow(LineUserId.of(chat.user), topic));
		JsonNode answer = chat.send(LineWebhook.postback(chat.user, "a=add&t=" + TopicIds.of(departments.get(20))));
		assertThat(LineChat.texts(answer)).isEqualTo("登録できる数の上限に達しました。通知設定で不要なものを解除するか、市全体を登録してください。");
		assertThat(chat.say("通知設定").toString()).contains("受け取っている通知（20件）");
	}

	@Test
	void everyCitysListsAreWithinLinesLimitsAndTheLongestKeysRoundTrip() {
		List<Topic> offered = new ArrayList<>();
		for (String city : subscriptions.cities()) {
			offered.add(Topic.city(city));
			Stream.of(TopicList.values()).forEach(list -> list.in(subscriptions, city).forEach(f -> offered.add(f.topic())));
		}
		assertThat(offered.stream().map(TopicIds::of).distinct()).hasSameSizeAs(offered);
		// the longest real key (小山市's シティプロモーション課) takes 155 of 300 characters URL-encoded; ids stay short for any name
		assertThat(Postback.of(Postback.UNFOLLOW, "t", TopicIds.of(Topic.department("小山市", "課".repeat(200)))).data())
			.hasSize("a=unfollow&t=".length() + 12);
		Comparator<Topic> byEncodedLength = Comparator.comparingInt(t -> URLEncoder.encode(t.key(), StandardCharsets.UTF_8).length());
		for (Topic.Type type : List.of(Topic.Type.THEME, Topic.Type.PILLAR, Topic.Type.DEPARTMENT)) {
			Topic longest = offered.stream().filter(t -> t.type() == type).max(byEncodedLength).orElseThrow();
			followAndUnfollowThroughTheChat(longest);
		}

		for (String city : subscriptions.cities()) {
			LineChat chat = chat();
			chat.say(city);
			for (TopicList list : TopicList.values()) {
				JsonNode page = chat.tap(chat.say("通知設定"), list.button());
				for (int shown = 0; LineChat.action(page, "次の10件").isPresent() && shown < 20; shown++) {
					assertThat(LineChat.postbackData(page)).allSatisfy(data -> assertThat(data).hasSizeLessThan(40));
					page = chat.tap(page, "次の10件");
				}
				assertThat(LineChat.postbackData(page)).allSatisfy(data -> assertThat(data).hasSizeLessThan(40));
			}
		}
	}

	/** Opens the list the topic is in, pages to it, taps it, and unfollows it from the settings card. */
	private void followAndUnfollowThroughTheChat(Topic topic) {
		String label = subscriptions.label(topic).orElseThrow();
		String city = label.substring(0, label.indexOf('・'));
		TopicList list = TopicList.valueOf(topic.type().name());
		String row = list.in(subscriptions, city).stream().filter(f -> f.topic().equals(topic)).findFirst().orElseThrow().label();
		LineChat chat = chat();
		chat.say(city);
		JsonNode page = chat.tap(chat.say("通知設定"), list.button());
		while (LineChat.action(page, LineLimits.cut(row, LineLimits.LABEL_LENGTH)).isEmpty()) {
			page = chat.tap(page, "次の10件");
		}
		assertThat(LineChat.texts(chat.tap(page, LineLimits.cut(row, LineLimits.LABEL_LENGTH))))
			.isEqualTo("「" + label + "」の通知を登録しました。評価が変わったときにお知らせします。");
		assertThat(subscriptions.of(LineUserId.of(chat.user))).extracting(Followed::topic).containsExactly(topic);
		assertThat(LineChat.texts(chat.tap(chat.say("通知設定"), "解除"))).isEqualTo("「" + label + "」の通知を解除しました。");
		assertThat(subscriptions.of(LineUserId.of(chat.user))).isEmpty();
	}

	@Test
	void blockingStopsNotificationsAndAddingTheAccountAgainResumesThem() {
		LineChat chat = chat();
		chat.say("茅ヶ崎市");
		chat.tap(chat.say("通知設定"), "茅ヶ崎市全体");
		assertThat(lineUser(chat.user).getBoolean("following")).isTrue();

		chat.post(LineWebhook.unfollow(chat.user));
		await().atMost(WebhookTest.WAIT).until(() -> !lineUser(chat.user).getBoolean("following"));
		assertThat(lineUser(chat.user).getString("municipality")).as("one record for the user").isEqualTo("茅ヶ崎市");
		assertThat(mongo.findById(chat.user, Document.class, "subscriptions")).doesNotContainKey("active");

		JsonNode welcome = chat.send(LineWebhook.follow(chat.user));
		assertThat(LineChat.texts(welcome)).contains("友だち追加ありがとうございます");
		assertThat(lineUser(chat.user).getBoolean("following")).isTrue();
		assertThat(subscriptions.of(LineUserId.of(chat.user))).extracting(Followed::label).containsExactly("茅ヶ崎市のすべての施策");
	}

	@Test
	void deletingOnesDataAsksFirstThenErasesEverythingAndCanBeConfirmedTwice() {
		LineChat chat = chat();
		chat.say("各務原市");
		chat.tap(chat.say("通知設定"), "各務原市全体");

		JsonNode question = chat.say("退会");
		assertThat(question.get(0).path("altText").asText()).isEqualTo("あなたのデータ（選んだ市と通知設定）をすべて削除します。よろしいですか？");
		assertThat(LineChat.texts(chat.tap(question, "やめる"))).isEqualTo("削除をとりやめました。データはそのままです。");
		assertThat(subscriptions.of(LineUserId.of(chat.user))).hasSize(1);

		question = chat.say("データ削除");
		String erased = """
				データを削除しました。選んだ市と通知設定は残っていません。
				このアカウントからのメッセージをすべて止めるには、ブロックするか、友だちから削除してください。""";
		assertThat(LineChat.texts(chat.tap(question, "はい、削除します"))).isEqualTo(erased);
		assertThat(lineUser(chat.user)).isNull();
		assertThat(mongo.findById(chat.user, Document.class, "subscriptions")).isNull();
		assertThat(LineChat.texts(chat.tap(question, "はい、削除します"))).isEqualTo(erased);
		assertThat(LineChat.texts(chat.say("通知設定"))).isEqualTo("通知設定の前に、お住まいの市を選んでください。");
	}

	@Test
	void stoppingDeliveriesPointsToClearingAndBlocking() {
		LineChat chat = chat();
		chat.say("多治見市");
		JsonNode answer = chat.say("配信停止");
		assertThat(answer.get(0).path("text").asText()).contains("「すべて解除」", "ブロック");
		assertThat(answer.get(1).path("altText").asText()).startsWith("通知設定");
	}

	@Test
	void theFaqDescribesWhatExists() {
		LineChat chat = chat();
		assertThat(LineChat.texts(chat.say("お知らせを受け取りたい"))).contains("「通知設定」", "9時〜18時", "1通にまとめ", "上限");
		assertThat(LineChat.texts(chat.say("データを削除したい"))).contains("「退会」", "「データ削除」", "すべて解除");
	}

	private Document lineUser(String userId) {
		return mongo.findById(userId, Document.class, "line_users");
	}
}
