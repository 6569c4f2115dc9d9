package jp.shisakunavi.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.ConsoleBrowser;
import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.faq.FaqEditor;

/**
 * The review queue in a real headless Chromium: questions the bot could not answer in the simulator form one row
 * per meaning; an administrator turns them into alternate phrasings of a FAQ entry, the row then shows that they
 * are answered now, and the bot answers them in the simulator; another becomes search vocabulary of a measure. An action on an entry deleted meanwhile says so; a
 * viewer sees the queue but cannot act; a group marked out of scope leaves the open queue. The statistics page
 * draws its charts and each chart's data downloads as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shisaku.faq-dir=faq", "shisaku.search.rebuild-delay=PT0.1S" })
class QuestionsBrowserTest {

	private static final Duration WAIT = Duration.ofSeconds(30);
	/** Asked back by the built-in content (the privacy entry and a LINE measure are a toss-up). */
	private static final List<String> FEWER_NOTIFICATIONS = List.of("LINEの通知を減らすには", "LINEの通知を減らすには？",
			"ＬＩＮＥの通知を減らすには");
	/** Asked back by the built-in content (two measures about smartphone apps). */
	private static final String SMARTPHONE_HELP = "スマホが苦手な人への支援は";
	/** Nothing in the built-in content answers it. */
	private static final String TAX_BY_PHONE = "スマホ決済で税金を払える？";

	@TempDir
	static Path dataDir;

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
		registry.add("shisaku.admin.delay", () -> "10ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Accounts accounts;

	@Autowired
	FaqEditor faq;

	@Autowired
	TestRestTemplate http;

	private final List<ConsoleBrowser> opened = new ArrayList<>();

	@AfterEach
	void close() {
		opened.forEach(ConsoleBrowser::close);
	}

	@Test
	void unansweredQuestionsBecomeAlternatePhrasingsAndTheBotThenAnswersThem() throws IOException {
		ConsoleBrowser citizen = browser();
		startChat(citizen);
		for (String question : FEWER_NOTIFICATIONS) {
			assertThat(ask(citizen, question)).contains("次のどれについてですか？");
		}
		awaitLogged(FEWER_NOTIFICATIONS);

		ConsoleBrowser admin = browser();
		admin.signIn("admin", AdminApi.PASSWORD);
		assertThat(admin.navigation()).contains("質問の振り返り");
		admin.get("/admin/review?municipality=多治見市");
		WebElement group = group(admin, "LINEの通知を減らすには");
		assertThat(group.findElement(By.className("group-count")).getText()).isEqualTo("3");
		assertThat(group.getText()).contains("ＬＩＮＥの通知を減らすには").contains("聞き返した 3").contains("未対応");

		group.findElement(By.tagName("summary")).click();
		new Select(group.findElement(By.name("faqChoice"))).selectByVisibleText("評価が変わったときに通知を受け取るには？");
		group.findElement(By.xpath(".//button[.='言い換えに加える']")).click();
		admin.waitForText(By.cssSelector("main .notice.ok"), "言い換えに加えました");
		assertThat(faq.find("common/usage/notifications").orElseThrow().content().alternates())
			.contains("LINEの通知を減らすには");

		await().atMost(WAIT).untilAsserted(() -> {
			admin.get("/admin/review?municipality=多治見市&show=ALL");
			WebElement decided = group(admin, "LINEの通知を減らすには");
			assertThat(decided.getText()).contains("対応済み").contains("FAQ の言い換えに追加");
			assertThat(decided.findElements(By.cssSelector("tr.now-answered"))).hasSize(3);
		});
		assertThat(group(admin, "LINEの通知を減らすには").getText()).contains("✓ 回答できます：評価が変わったときに通知を受け取るには？");
		screenshot(admin, "console-review.png");
		admin.get("/admin/review?municipality=多治見市");
		assertThat(admin.main()).doesNotContain("LINEの通知を減らすには");
		admin.get("/admin/audit");
		assertThat(admin.main()).contains("質問の振り返り：3 件の質問（「LINEの通知を減らすには」など）を FAQ「評価が変わったときに通知を受け取るには？」の言い換えに加えました");

		assertThat(ask(citizen, "ＬＩＮＥの通知を減らすには")).contains("下のメニューの「通知設定」を押すか");
	}

	@Test
	void aQuestionAskedBackBecomesSearchVocabularyOfAMeasureAndIsThenAnsweredWithIt() {
		ConsoleBrowser citizen = browser();
		startChat(citizen);
		assertThat(ask(citizen, SMARTPHONE_HELP)).contains("次のどれについてですか？");
		awaitLogged(List.of(SMARTPHONE_HELP));

		ConsoleBrowser admin = browser();
		admin.signIn("admin", AdminApi.PASSWORD);
		admin.get("/admin/review?municipality=多治見市");
		WebElement group = group(admin, SMARTPHONE_HELP);
		group.findElement(By.tagName("summary")).click();
		new Select(group.findElement(By.name("unitId"))).selectByValue("tajimi-4-2-09");
		group.findElement(By.xpath(".//button[.='検索語に加える']")).click();
		admin.waitForText(By.cssSelector("main .notice.ok"), "検索語に加えました");
		await().atMost(WAIT).untilAsserted(() -> {
			admin.get("/admin/review?municipality=多治見市&show=ALL");
			WebElement decided = group(admin, SMARTPHONE_HELP);
			assertThat(decided.getText()).contains("施策の検索語に追加");
			assertThat(decided.findElements(By.cssSelector("tr.now-answered"))).hasSize(1);
		});
		assertThat(ask(citizen, SMARTPHONE_HELP)).contains("地域における ICT 講座の開催");
	}

	@Test
	void anEntryDeletedMeanwhileIsNamedAViewerCannotActAndOutOfScopeLeavesTheQueue() {
		ConsoleBrowser citizen = browser();
		startChat(citizen);
		assertThat(ask(citizen, TAX_BY_PHONE)).contains("施策ナビは、市の情報化計画");
		awaitLogged(List.of(TAX_BY_PHONE));

		ConsoleBrowser admin = browser();
		admin.signIn("admin", AdminApi.PASSWORD);
		admin.get("/admin/review?municipality=多治見市");
		WebElement group = group(admin, TAX_BY_PHONE);
		assertThat(group.getText()).contains("回答できなかった 1");
		group.findElement(By.tagName("summary")).click();
		new Select(group.findElement(By.name("faqChoice"))).selectByVisibleText("市を選ぶにはどうすればいいですか？");
		long version = faq.find("common/usage/choose-city").orElseThrow().version();
		assertThat(AdminApi.admin(http).exchange("/admin/api/faq/entry?id=common/usage/choose-city&version=" + version,
				HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		group.findElement(By.xpath(".//button[.='言い換えに加える']")).click();
		assertThat(admin.text(By.cssSelector("main .notice.error"))).contains("削除されています");
		assertThat(group(admin, TAX_BY_PHONE).getText()).contains("未対応");

		String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(viewer, AccountDraft.of(Role.VIEWER, List.of()), "viewer-password-1");
		ConsoleBrowser reader = browser();
		reader.signIn(viewer, "viewer-password-1");
		reader.get("/admin/review?municipality=多治見市");
		WebElement seen = group(reader, TAX_BY_PHONE);
		assertThat(seen.findElements(By.tagName("summary"))).as("no actions for a viewer").isEmpty();
		String id = mongo.findOne(Query.query(Criteria.where("text").is(TAX_BY_PHONE)), LoggedQuestion.class).id();
		assertThat(reader.postFromConsole("/admin/review/out-of-scope", "application/x-www-form-urlencoded",
				"ids=" + id + "&municipality=" + encoded("多治見市") + "&text=x")).isEqualTo(403);
		assertThat(mongo.findById(id, LoggedQuestion.class).review()).isNull();

		group = group(admin, TAX_BY_PHONE);
		group.findElement(By.tagName("summary")).click();
		admin.clickConfirming(By.xpath("//section[contains(., '" + TAX_BY_PHONE + "')]//button[.='対象外にする']"));
		admin.waitForText(By.cssSelector("main .notice.ok"), "対象外にしました");
		assertThat(group(admin, TAX_BY_PHONE).getText()).contains("対応済み").contains("対象外").contains("まだ回答できません");
		admin.get("/admin/review?municipality=多治見市");
		assertThat(admin.main()).doesNotContain(TAX_BY_PHONE);
	}

	@Test
	void theStatisticsPageDrawsItsChartsAndEachChartsDataDownloadsAsCsv() throws IOException {
		ConsoleBrowser citizen = browser();
		startChat(citizen);
		assertThat(ask(citizen, "多治見市の防災アプリはいつ導入されたの？")).contains("防災情報伝達の多重化");
		citizen.driver().findElement(By.xpath("//div[@id='quick']/button[normalize-space(.)='役に立った']")).click();
		citizen.waitForText(By.id("talk"), "今後の改善に役立てます");
		awaitLogged(List.of("多治見市の防災アプリはいつ導入されたの？"));

		ConsoleBrowser admin = browser();
		admin.signIn("admin", AdminApi.PASSWORD);
		assertThat(admin.navigation()).contains("統計");
		admin.get("/admin/statistics?municipality=多治見市");
		assertThat(admin.text(By.id("summary"))).contains("役に立った 1");
		admin.waiting().until(d -> d.findElements(By.cssSelector("#charts .chart canvas")).size() == 8);
		assertThat(admin.driver().findElements(By.cssSelector("#charts .chart"))).hasSize(8);
		screenshot(admin, "console-statistics.png");

		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		String href = admin.driver().findElement(By.cssSelector("#chart-questions a.csv")).getAttribute("href");
		// The page's own request with its session: status, type, the first three bytes (the BOM), then the text.
		String csv = (String) ((JavascriptExecutor) admin.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type'),
				  Array.from(new Uint8Array(b).slice(0, 3)).join(' '), new TextDecoder().decode(b)].join('\\n'))));
				""", href);
		assertThat(csv).startsWith("200\ntext/csv").contains("\n239 187 191\n")
			.contains("日付,回答した,聞き返した,回答できなかった");
		assertThat(csv.lines().filter(line -> line.startsWith(today + ",")).findFirst()).hasValueSatisfying(
				line -> assertThat(Integer.parseInt(line.split(",")[1])).isPositive());
	}

	private static void startChat(ConsoleBrowser citizen) {
		citizen.get("/");
		By city = By.xpath("//div[@id='quick']/button[normalize-space(.)='多治見市']");
		citizen.waiting().until(ExpectedConditions.elementToBeClickable(city)).click();
		citizen.waitForText(By.id("talk"), "多治見市を選びました");
	}

	/** Sends the question in the simulator; the talk's text once its answer arrived. */
	private static String ask(ConsoleBrowser citizen, String question) {
		int before = citizen.driver().findElements(By.cssSelector("#talk > *")).size();
		citizen.driver().findElement(By.id("text")).sendKeys(question);
		citizen.driver().findElement(By.id("send")).click();
		citizen.waiting().until(d -> d.findElements(By.cssSelector("#talk > *")).size() >= before + 2);
		List<WebElement> talk = citizen.driver().findElements(By.cssSelector("#talk > *"));
		return String.join("\n", talk.subList(before, talk.size()).stream().map(WebElement::getText).toList());
	}

	private void awaitLogged(List<String> questions) {
		await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("text").in(questions)), LoggedQuestion.class)
				== questions.size());
	}

	private static WebElement group(ConsoleBrowser console, String text) {
		return console.waiting().until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//section[contains(@class,'review-group')][.//h2[.='" + text + "']]")));
	}

	private static void screenshot(ConsoleBrowser console, String name) throws IOException {
		Files.copy(((TakesScreenshot) console.driver()).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private ConsoleBrowser browser() {
		ConsoleBrowser browser = ConsoleBrowser.open(profiles, port);
		opened.add(browser);
		return browser;
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
