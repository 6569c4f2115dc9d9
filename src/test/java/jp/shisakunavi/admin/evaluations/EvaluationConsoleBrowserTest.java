package jp.shisakunavi.admin.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.ConsoleBrowser;
import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.admin.XlsxBomb;
import jp.shisakunavi.plan.EvaluationIntake;
import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.plan.RatingChange;

/**
 * The evaluations import in a real headless Chromium: a CP932 CSV is previewed with every row, the rating change
 * and how many followers it notifies, then confirmed (twice, applied once) and the citizen following the city gets
 * the notice in the chat simulator; a file with errors shows each and stores nothing; evaluations that arrive
 * between preview and confirmation are shown in a fresh preview first; a 100,000-row CSV and an
 * Excel file that expands to gigabytes are refused with the reason; viewers, editors of another city and a form
 * without its CSRF token are refused. Plan files are listed and download as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationConsoleBrowserTest {

	private static final Charset CP932 = Charset.forName("windows-31j");
	private static final String HEADER = "自治体,施策ID,年度,評価,コメント\r\n";

	@TempDir
	static Path dataDir;

	@TempDir
	Path files;

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", dataDir::toString);
		AdminApi.credentials(registry);
		registry.add("shisaku.admin.delay", () -> "10ms");
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.notify.coalesce", () -> "100ms");
		registry.add("shisaku.delivery.poll-interval", () -> "100ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Plans plans;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	EvaluationIntake intake;

	private final List<ConsoleBrowser> opened = new ArrayList<>();

	@AfterEach
	void close() {
		opened.forEach(ConsoleBrowser::close);
	}

	@Test
	void aCp932FileIsPreviewedConfirmedOnceAndTheFollowerGetsTheNoticeInTheSimulator() throws IOException {
		ConsoleBrowser citizen = browser();
		citizen.get("/");
		citizen.waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[@id='quick']/button[normalize-space(.)='多治見市']"))).click();
		citizen.waitForText(By.id("talk"), "多治見市を選びました");
		citizen.driver().findElement(By.xpath("//nav[@class='menu']/button[.='通知設定']")).click();
		citizen.waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'flex-bubble')]//button[.='多治見市全体']"))).click();
		citizen.waitForText(By.id("talk"), "「多治見市のすべての施策」の通知を登録しました。");

		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		console.get("/admin/evaluations");
		upload(console, file("evaluations.csv", HEADER + "多治見市,tajimi-4-1-03,令和5年度,A,<script>alert('x')</script>\r\n", CP932));

		assertThat(console.text(By.id("count-rows"))).isEqualTo("1");
		String changes = console.text(By.id("changes"));
		assertThat(changes).contains("被災者支援システムの運用").contains("令和5年度").contains("B").contains("A")
			.contains("新しい年度の評価");
		assertThat(console.text(By.cssSelector("#changes .followers"))).isEqualTo("1 人");
		assertThat(console.text(By.id("preview-rows"))).contains("<script>alert('x')</script>");
		assertThat(rating("tajimi-4-1-03", 2023)).as("nothing stored before the confirmation").isNull();
		screenshot(console, "evaluations-preview.png");

		String confirm = console.driver().findElement(By.cssSelector("form[action$='/confirm']")).getAttribute("action");
		console.driver().findElement(By.id("confirm")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "を取り込みました");
		assertThat(console.text(By.id("recorded"))).isEqualTo("1");
		assertThat(console.postFromConsole(confirm.substring(confirm.indexOf("/admin/")), "application/x-www-form-urlencoded", ""))
			.as("the same confirmation again").isEqualTo(200);
		assertThat(rating("tajimi-4-1-03", 2023)).isEqualTo("A");
		assertThat(mongo.count(Query.query(where("unitId").is("tajimi-4-1-03")), RatingChange.class)).isEqualTo(1);
		assertThat(mongo.count(Query.query(where("action").is("evaluations.import")), "audit_log")).isEqualTo(1);

		citizen.waitForText(By.id("talk"), "評価が変わりました");
		assertThat(citizen.text(By.id("talk"))).contains("被災者支援システムの運用").contains("令和5年度の評価");
	}

	@Test
	void everyRowAndEveryErrorIsShownAndNothingIsStored() throws IOException {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		console.get("/admin/evaluations");
		upload(console, file("errors.csv", HEADER + "多治見市,tajimi-4-1-04,R5,A,\r\n多治見市,tajimi-9-9-99,R5,A,\r\n"
				+ "多治見市,tajimi-4-1-05,R5,Z,\r\n", StandardCharsets.UTF_8));

		assertThat(console.text(By.id("count-rows"))).isEqualTo("3");
		assertThat(console.text(By.id("count-wrong"))).isEqualTo("2");
		assertThat(console.driver().findElements(By.cssSelector(".preview-row.problem"))).hasSize(2);
		assertThat(console.driver().findElements(By.id("confirm"))).isEmpty();
		assertThat(console.text(By.id("preview-rows"))).contains("tajimi-9-9-99").contains("Z");
		assertThat(rating("tajimi-4-1-04", 2023)).isNull();
		assertThat(drafts("errors.csv")).isZero();
	}

	@Test
	void evaluationsArrivingBetweenPreviewAndConfirmationAreShownBeforeAnythingIsStored() throws IOException {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		console.get("/admin/evaluations");
		upload(console, file("later.csv", HEADER + "多治見市,tajimi-4-1-08,R5,A,\r\n", StandardCharsets.UTF_8));
		assertThat(console.text(By.cssSelector("#changes .change"))).contains("新しい年度の評価")
			.contains("B（目標どおりに実施） → A（目標以上に実施）");

		intake.submit(List.of(new EvaluationRow(2, "多治見市", null, "tajimi-4-1-08", null, "R5", "C", null, null)), false, null);
		console.driver().findElement(By.id("confirm")).click();

		console.waitForText(By.cssSelector("[role=alert]"), "確認のあとで評価が変わったため");
		assertThat(console.text(By.cssSelector("#changes .change"))).as("the preview as it is now").contains("評価の訂正")
			.contains("C（").contains(" → A（目標以上に実施）");
		assertThat(rating("tajimi-4-1-08", 2023)).isEqualTo("C");
		console.driver().findElement(By.id("confirm")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "を取り込みました");
		assertThat(rating("tajimi-4-1-08", 2023)).isEqualTo("A");
	}

	@Test
	void aHundredThousandRowsAndAnExcelFileExpandingToGigabytesAreRefusedAndNothingIsStored() throws IOException {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		console.get("/admin/evaluations");
		StringBuilder many = new StringBuilder(HEADER);
		for (int i = 0; i < 100_000; i++) {
			many.append("多治見市,tajimi-4-1-06,R5,A,\r\n");
		}
		upload(console, file("many.csv", many.toString(), StandardCharsets.UTF_8));
		assertThat(console.message()).contains("5000行まで").contains("何も保存していません");

		console.get("/admin/evaluations");
		Path bomb = files.resolve("bomb.xlsx");
		Files.write(bomb, XlsxBomb.expandingTo(2L * 1024 * 1024 * 1024));
		assertThat(Files.size(bomb)).isLessThan(10L * 1024 * 1024);
		upload(console, bomb);
		assertThat(console.message()).contains("大きすぎます").contains("何も保存していません");

		assertThat(rating("tajimi-4-1-06", 2023)).isNull();
		assertThat(drafts("many.csv") + drafts("bomb.xlsx")).isZero();
	}

	@Test
	void viewersEditorsOfAnotherCityAndFormsWithoutTheirTokenAreRefused() throws IOException {
		String viewer = "viewer-" + suffix();
		accounts.create(viewer, AccountDraft.of(Role.VIEWER, List.of()), "viewer-password-1");
		String editor = "chigasaki-" + suffix();
		accounts.create(editor, AccountDraft.of(Role.EDITOR, List.of("茅ヶ崎市")), "editor-password-1");
		Path tajimi = file("tajimi.csv", HEADER + "多治見市,tajimi-4-1-07,R5,A,\r\n", StandardCharsets.UTF_8);

		ConsoleBrowser reading = browser();
		reading.signIn(viewer, "viewer-password-1");
		reading.get("/admin/evaluations");
		assertThat(reading.main()).contains("このアカウント（閲覧者）では評価を取り込めません");
		assertThat(reading.driver().findElements(By.id("evaluation-form"))).isEmpty();
		assertThat(reading.postFromConsole("/admin/evaluations", "multipart/form-data; boundary=b", multipart()))
			.isEqualTo(403);

		ConsoleBrowser chigasaki = browser();
		chigasaki.signIn(editor, "editor-password-1");
		chigasaki.get("/admin/evaluations");
		upload(chigasaki, tajimi);
		assertThat(chigasaki.text(By.id("preview-rows"))).contains("多治見市の評価は、このアカウントでは取り込めません");
		assertThat(chigasaki.driver().findElements(By.id("confirm"))).isEmpty();

		ConsoleBrowser admin = browser();
		admin.signIn("admin", AdminApi.PASSWORD);
		admin.get("/admin/evaluations");
		((JavascriptExecutor) admin.driver()).executeScript("document.querySelector('#evaluation-form input[name=_csrf]').remove()");
		admin.driver().findElement(By.name("file")).sendKeys(tajimi.toString());
		admin.driver().findElement(By.id("preview")).click();
		admin.waitForText(By.tagName("main"), "CSRF トークン");

		assertThat(rating("tajimi-4-1-07", 2023)).isNull();
		assertThat(drafts("tajimi.csv")).isZero();
	}

	@Test
	void thePlansAreListedWithTheirFilesToDownload() {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		console.get("/admin/plans");
		String plansTable = console.text(By.id("plans"));
		assertThat(plansTable).contains("多治見市").contains("茅ヶ崎市").contains("tajimi-4.yaml")
			.contains("読み込まれている内容と同じです");
		String href = console.driver().findElement(By.linkText("tajimi-4.yaml")).getAttribute("href");
		Object start = ((JavascriptExecutor) console.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.text()).then(t => done(t.substring(0, 2000)), e => done(String(e)));
				""", href);
		assertThat((String) start).contains("id: tajimi-4\n").contains("municipality: 多治見市");
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

	private static void upload(ConsoleBrowser console, Path file) {
		console.driver().findElement(By.name("file")).sendKeys(file.toString());
		console.driver().findElement(By.id("preview")).click();
		console.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	private Path file(String name, String content, Charset charset) throws IOException {
		return Files.write(files.resolve(name), content.getBytes(charset));
	}

	private static String multipart() {
		return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e.csv\"\r\nContent-Type: text/csv\r\n\r\n"
				+ HEADER + "多治見市,tajimi-4-1-07,R5,A,\r\n--b--\r\n";
	}

	private long drafts(String filename) {
		return mongo.count(Query.query(where("filename").is(filename)), EvaluationDraft.class);
	}

	private String rating(String measureId, int year) {
		return plans.measure(measureId).orElseThrow().evaluations().stream().filter(e -> e.fiscalYear() == year)
			.findFirst().map(e -> e.rating()).orElse(null);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
