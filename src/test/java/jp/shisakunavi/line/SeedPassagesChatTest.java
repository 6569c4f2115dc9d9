package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Citizens ask, in their own words, about the passages of the seed documents that the data used to leave out or get
 * wrong (issue 14), and the chat answers with them: each question from a new simulator user who chose a city.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedPassagesChatTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	private static final AtomicInteger users = new AtomicInteger();

	@Autowired
	TestRestTemplate http;

	@Test
	void kakamigaharasCitizenSurveyAndPublicComment() {
		assertThat(ask("各務原市", "市民アンケートの回答数は？")).contains("回答数：195", "令和3年1月12日～2月28日");
		assertThat(ask("各務原市", "市民調査でスマホを使っている人の割合は？")).contains("「スマートフォン」が 94.8%");
		assertThat(ask("各務原市", "市民調査でマイナンバーカードを取得している人は？")).contains("30.2%");
		assertThat(ask("各務原市", "市民調査で情報発信について出た意見は？")).contains("■情報発信について");
		assertThat(ask("各務原市", "市民調査で市役所の情報をどうやって入手していると答えた？")).contains("「各務原市ウェブサイト」が76.0%");
		assertThat(ask("各務原市", "情報化が進むことへの市民の不安は？")).contains("「個人情報や秘密が他人に知られる」が 60.4%");
		assertThat(ask("各務原市", "パブリックコメントで意見はありましたか？")).contains("ご意見はありませんでした");
		assertThat(ask("各務原市", "パブリックコメントの期間は？")).contains("令和3年5月28日～令和3年6月16日");
	}

	@Test
	void kakamigaharasChaptersOneToThree() {
		assertThat(ask("各務原市", "この計画はなぜ作られたの？")).contains("本計画を第2.0版に改定します");
		assertThat(ask("各務原市", "【重点】マークって何？")).contains("重点取組事項に関連する施策", "全体最適化の推進【重点】");
		assertThat(ask("各務原市", "自治体DXの重点取組事項は何ですか？")).contains("自治体フロントヤード改革の推進");
		assertThat(ask("各務原市", "岐阜県のDXの取組は？")).contains("岐阜県 DX 推進本部");
		assertThat(ask("各務原市", "近年の情報化の動向は？")).contains("5G サービスの提供開始");
		assertThat(ask("各務原市", "DXとは何ですか？")).contains("人々の営みをより良く豊かなものへと変革する");
		assertThat(ask("各務原市", "国の情報化政策はどう変わってきた？")).contains("官民データ活用推進基本法");
		assertThat(ask("各務原市", "岐阜県の官民データ活用推進計画とは？")).contains("令和元年10月");
	}

	@Test
	void kakamigaharasFigureCaptionsAndPreviousPlanAreInTheMeasuresDetails() {
		String user = userIn("各務原市");
		JsonNode card = say(user, "中小企業や農業者の機器の導入支援は？");
		assertThat(card.toString()).contains("地域産業のデジタル化の推進");
		assertThat(tap(user, card, "詳しく見る")).contains("■イメージ図", "中小企業や農業者の支援",
				"スマート農業の推進に向けた機器や機械等の導入支援");

		card = say(user, "おくやみコーナーはいつからですか");
		assertThat(tap(user, card, "詳しく見る")).contains("■前期計画取組施策", "フロア型総合窓口サービスの提供",
				"■これまでの主な取組状況と今後の検討事項");
	}

	@Test
	void oyamasLegendOrdinanceReviewAndCleanTexts() {
		assertThat(ask("小山市", "施策表の目標区分とは？")).contains("情報化の基本目標であるの4つの視点");
		String user = userIn("小山市");
		JsonNode card = say(user, "オンライン化のための条例や規則の見直しは？");
		assertThat(card.toString()).contains("行政手続きのオンライン化");
		assertThat(tap(user, card, "詳しく見る")).contains("オンライン化を推進するため、条例及び規則の見直し");
		String signage = tap(user, say(user, "デジタルサイネージによる情報発信"), "詳しく見る");
		assertThat(signage).contains("①商業施設等でのデジタルサイネージ拡充").doesNotContain("<ul", "<p>", "(*)");
		assertThat(ask("小山市", "情報化の基本方針は？")).contains("ICTとデータの利活用による誰もが豊かで暮らしやすい魅力的なまちの実現");
	}

	@Test
	void oyamasLoneDepartmentIsTheLead() {
		JsonNode measures = http.getForObject("/api/measures?municipality=小山市", JsonNode.class);
		JsonNode farming = measures.findParents("id").stream()
			.filter(m -> m.path("id").asText().equals("oyama-3-2-03"))
			.findFirst()
			.orElseThrow();
		assertThat(farming.path("departments").toString()).contains("\"name\":\"農政課\"", "\"role\":\"LEAD\"");
	}

	@Test
	void kakamigaharasGlossaryAnswersEveryCityAndSaysWhoseDefinitionItIs() {
		String forOyama = ask("小山市", "RPAとは？");
		assertThat(forOyama).startsWith("各務原市の用語解説より").contains("Robotic Process Automation");
		assertThat(ask("各務原市", "RPAとは？")).doesNotContain("各務原市の用語解説より").contains("Robotic Process Automation");
		assertThat(ask("各務原市", "チョイソコかかみがはらって何？")).contains("乗合型タクシー");
	}

	@Test
	void tajimisFootnotesAreLinkedFromTheMeasuresThatMarkThem() {
		String user = userIn("多治見市");
		JsonNode card = say(user, "AIやRPAの活用による業務効率化の検討はどうなっていますか");
		assertThat(card.toString()).contains("AI(人工知能)、RPA(ロボティック・プロセス・オートメーション)の活用による業務効率化の検討");
		assertThat(LineChat.action(card, "生成AIとは何ですか？")).as("the footnote as a quick reply").isPresent();
		assertThat(tap(user, card, "詳しく見る")).contains("生成AI※4の活用", "■注釈", "ChatGPTなどに代表される人工知能");
		assertThat(tap(user, card, "生成AIとは何ですか？")).contains("ChatGPTなどに代表される人工知能");
	}

	@Test
	void chigasakisCommentsSayWhoSaidWhat() {
		String user = userIn("茅ヶ崎市");
		String detail = tap(user, say(user, "ICTによる防災・減災力の強化"), "詳しく見る");
		assertThat(detail).contains("■事務事業のR4年度進捗（各課かい回答まとめ）", "■進捗に関する意見（デジタル推進課）",
				"■進捗に係る学識経験者意見（施策展開の柱「ICTを活用した安全・安心なまちづくり」について）");
		assertThat(ask("茅ヶ崎市", "計画全体を学識経験者はどう評価していますか？")).contains("87.95%");
		assertThat(ask("茅ヶ崎市", "計画は延長されたの？")).contains("計画期間を2年延長する");
	}

	@Test
	void tajimisThirdPlanSaysItsPeriodIsNotInTheDocument() {
		assertThat(ask("多治見市", "第3次情報化計画の期間は？")).contains("計画の期間が書かれていません")
			.doesNotContain("平成29年度から");
	}

	private String ask(String city, String question) {
		String user = userIn(city);
		JsonNode answer = say(user, question);
		return answer.path(0).path("text").asText(answer.toString());
	}

	private String userIn(String city) {
		String user = "sim-seed-%04d".formatted(users.incrementAndGet());
		say(user, city);
		return user;
	}

	private JsonNode say(String user, String text) {
		return http.postForObject("/simulator/messages", Map.of("userId", user, "text", text), JsonNode.class)
			.path("messages");
	}

	/** Taps a button or quick reply of an answer and returns what comes back, as text. */
	private String tap(String user, JsonNode messages, String label) {
		JsonNode action = LineChat.action(messages, label)
			.orElseThrow(() -> new AssertionError("no button " + label + " in " + messages));
		Map<String, String> body = action.path("type").asText().equals("postback")
				? Map.of("userId", user, "postback", action.path("data").asText())
				: Map.of("userId", user, "text", action.path("text").asText());
		JsonNode answer = http.postForObject("/simulator/messages", body, JsonNode.class).path("messages");
		return answer.path(0).path("text").asText(answer.toString());
	}
}
