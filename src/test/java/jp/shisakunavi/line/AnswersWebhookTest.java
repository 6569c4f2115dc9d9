package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.faq.FaqEntries;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;

/**
 * What a citizen sees in LINE, through the signed webhook and the fake LINE: every rich-menu label, every example
 * of 使い方 and every example button of every city gets an answer; rating meanings come with the legend; a year
 * asked shows that year's rating and then the latest; "I don't know" names the city asked; close candidates are
 * asked back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shisaku.faq-dir=faq")
class AnswersWebhookTest {

	static final List<String> CITIES = List.of("多治見市", "各務原市", "小山市", "茅ヶ崎市");
	static final String NOT_FOUND = "お答えできる情報が見つかりませんでした";

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
	FaqEntries faq;

	LineChat chat(String city) {
		LineChat chat = new LineChat(line, port, WebhookTest.SECRET);
		assertThat(LineChat.texts(chat.say(city))).contains(city + "を選びました");
		return chat;
	}

	@ParameterizedTest
	@ValueSource(strings = { "多治見市", "各務原市", "小山市", "茅ヶ崎市" })
	void everyMenuLabelAndEveryExampleButtonIsAnsweredForEveryCity(String city) {
		LineChat chat = new LineChat(line, port, WebhookTest.SECRET);
		JsonNode chosen = chat.say(city);
		List<String> buttons = quickReplies(chosen);
		assertThat(buttons).as("example buttons for " + city).hasSizeGreaterThanOrEqualTo(3);
		for (String button : buttons) {
			assertAnswered(chat.tap(chosen, button), city + " / " + button);
		}
		for (String label : RichMenu.CITIZENS.labels()) {
			assertAnswered(chat.say(label), city + " / " + label);
		}
	}

	@Test
	void everyExampleOfTheHelpIsAnsweredForEveryCity() {
		String help = faq.find("common/usage/what-can-i-ask").orElseThrow().answer();
		Matcher example = Pattern.compile("例：([^）]+)）").matcher(help);
		List<String> examples = example.results().map(m -> m.group(1)).toList();
		assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
		for (String city : CITIES) {
			LineChat chat = chat(city);
			examples.forEach(question -> assertAnswered(chat.say(question), city + " / " + question));
		}
	}

	@Test
	void aRatingMeaningIsAnsweredWithTheLegendOrWithWhyThereIsNone() {
		assertThat(LineChat.texts(chat("多治見市").say("評価Cってどういう意味？")))
			.contains("第4次多治見市情報化計画」では、評価「C」は「目標に向けて実施」という意味です。");
		assertThat(LineChat.texts(chat("茅ヶ崎市").say("評価の見方"))).contains("A：達成できた", "C：達成できなかった");
		assertThat(LineChat.texts(chat("各務原市").say("評価の見方"))).contains("各務原市の計画書には、施策ごとの評価は載っていません。");
		assertThat(LineChat.texts(chat("茅ヶ崎市").say("評価Dの意味は？"))).contains("茅ヶ崎市の計画の評価に「D」はありません。");
	}

	@Test
	void aYearAskedShowsThatYearsRatingThenTheLatest() {
		JsonNode card = chat("茅ヶ崎市").say("電子カルテの平成30年度の評価は？");
		String text = card.toString();
		assertThat(text).contains("電子カルテシステムの導入", "評価 B（一部達成できなかった）", "平成30年度の評価",
				"最新（令和4年度）：A（達成できた）");
		assertThat(text.indexOf("平成30年度の評価")).isLessThan(text.indexOf("最新（令和4年度）"));
	}

	@Test
	void theCardQuotesTheSentenceThatAnswersAndAnItemsDetailsAreItsOwn() {
		LineChat chat = chat("多治見市");
		JsonNode card = chat.say("戸別受信機の補助はいつから？");
		assertThat(card.toString()).contains("令和3年10月から戸別受信機の整備補助制度を開始しました");

		LineChat chigasaki = chat("茅ヶ崎市");
		JsonNode item = chigasaki.say("電子カルテシステムの導入");
		String details = LineChat.texts(chigasaki.tap(item, "詳しく見る"));
		assertThat(details).contains("「電子カルテを含む医療情報システムの導入」については")
			.doesNotContain("「保健所総合システムの導入」については", "「ICTの活用による地球温暖化対策の推進」については");
	}

	@Test
	void dontKnowNamesTheCityAskedAndSaysWhatTheBotCovers() {
		LineChat chat = chat("多治見市");
		String answer = LineChat.texts(chat.say("小山市でパスポートを申請したい"));
		assertThat(answer).contains("小山市役所", "情報化計画").doesNotContain("多治見市", NOT_FOUND);
		String elsewhere = LineChat.texts(chat.say("横浜市のオープンデータは？"));
		assertThat(elsewhere).contains("横浜市の計画は、施策ナビには入っていません");
	}

	@Test
	void closeCandidatesAreAskedBackAndEachCanBeChosen() {
		// the city's own SNS and the SNS of its ceramics institute both post on Facebook
		LineChat chat = chat("多治見市");
		JsonNode asked = chat.say("フェイスブックって毎日更新してんの");
		assertThat(LineChat.texts(asked)).contains("次のどれについてですか？");
		List<String> candidates = quickReplies(asked).stream().filter(label -> !label.equals("使い方")).toList();
		assertThat(candidates).hasSizeGreaterThanOrEqualTo(2).anyMatch(label -> label.startsWith("公聴広報における"))
			.anyMatch(label -> label.startsWith("SNS による陶磁器"));
		JsonNode chosen = chat.tap(asked, candidates.stream().filter(l -> l.startsWith("公聴広報")).findFirst().orElseThrow());
		assertThat(chosen.toString()).contains("公聴広報における SNS の活用", "\"type\":\"flex\"");
	}

	private static void assertAnswered(JsonNode messages, String what) {
		assertThat(messages.size()).as(what).isPositive();
		assertThat(LineChat.texts(messages)).as(what).doesNotContain(NOT_FOUND).isNotBlank();
	}

	private static List<String> quickReplies(JsonNode messages) {
		JsonNode last = messages.get(messages.size() - 1);
		return StreamSupport.stream(last.path("quickReply").path("items").spliterator(), false)
			.map(item -> item.path("action").path("label").asText())
			.toList();
	}
}
