package jp.shisakunavi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.Chromium;
import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.plan.Plans;

/**
 * The console in a real headless Chromium: an administrator signs in, creates an account that then signs in and
 * chooses its password; roles and municipality limits refuse what they must; ten wrong passwords lock an
 * account; forms without their CSRF token and cross-site posts are refused; signing out ends the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {

	static final String EVALUATION_TAJIMI = "[{\"municipality\":\"多治見市\",\"measureId\":\"tajimi-4-1-03\",\"fiscalYear\":\"R5\",\"rating\":\"A\"}]";
	static final String EVALUATION_CHIGASAKI = "[{\"municipality\":\"茅ヶ崎市\",\"measureTitle\":\"災害時要援護者支援システムの管理\",\"fiscalYear\":\"R4\",\"rating\":\"B\"}]";

	@TempDir
	static Path dataDir;

	@TempDir
	Path profile;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
		registry.add("shisaku.admin.delay", () -> "10ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Plans plans;

	WebDriver browser;
	WebDriverWait wait;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdministratorCreatesAnEditorWhoChoosesAPasswordAndSeesOnlyTheirCity() throws Exception {
		open();
		signIn("admin", AdminApi.PASSWORD);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "計画と評価"));
		assertThat(navigation()).containsExactly("ダッシュボード", "FAQ", "質問の振り返り", "評価の取り込み", "計画のファイル", "お知らせ",
				"配信", "統計", "報告依頼", "職員", "部署", "アカウント", "API トークン", "操作履歴");

		String username = "editor-" + suffix();
		String initial = createAccount(username, "<script>alert('x')</script>茅ヶ崎の編集者", "EDITOR", "茅ヶ崎市");
		browser.get(url("/admin/accounts"));
		WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//table[@id='accounts']//tr[td/a[.='" + username + "']]")));
		assertThat(row.getText()).contains("<script>alert('x')</script>茅ヶ崎の編集者").contains("編集者").contains("茅ヶ崎市");

		browser.get(url("/admin/audit"));
		new Select(wait.until(ExpectedConditions.elementToBeClickable(By.name("action"))))
			.selectByValue("account.create");
		wait.until(ExpectedConditions.urlContains("action=account.create"));
		WebElement entries = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entries")));
		assertThat(entries.getText()).contains("アカウント「" + username + "」（編集者）を作成しました").doesNotContain("サインインしました");
		signOut();

		signIn(username, initial);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "自分で決めたパスワードに変えてください"));
		browser.get(url("/admin/"));
		assertThat(browser.getCurrentUrl()).contains("/admin/password");
		fill("current", initial);
		fill("next", "chigasaki-editor-2026");
		fill("confirmation", "chigasaki-editor-2026");
		browser.findElement(By.cssSelector("#password-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "パスワードを変更しました"));

		browser.get(url("/admin/"));
		WebElement plansTable = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main table")));
		assertThat(plansTable.getText()).contains("茅ヶ崎市").doesNotContain("多治見市");
		assertThat(navigation()).containsExactly("ダッシュボード", "FAQ", "質問の振り返り", "評価の取り込み", "計画のファイル", "お知らせ",
				"配信", "統計", "報告依頼", "職員", "部署", "API トークン");
		screenshot("console-dashboard.png");
	}

	@Test
	void aViewerCannotPostAndAnEditorOfChigasakiCannotChangeTajimi() {
		String viewer = "viewer-" + suffix();
		accounts.create(viewer, AccountDraft.of(Role.VIEWER, List.of()), "viewer-password-1");
		String editor = "chigasaki-" + suffix();
		accounts.create(editor, AccountDraft.of(Role.EDITOR, List.of("茅ヶ崎市")), "editor-password-1");
		open();

		signIn(viewer, "viewer-password-1");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "計画と評価"));
		assertThat(postFromConsole("/admin/api/evaluations", EVALUATION_CHIGASAKI)).isEqualTo(403);
		browser.get(url("/admin/accounts/new"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "この操作はできません"));
		signOut();

		signIn(editor, "editor-password-1");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "計画と評価"));
		assertThat(postFromConsole("/admin/api/evaluations", EVALUATION_TAJIMI)).isEqualTo(403);
		assertThat(rating("tajimi-4-1-03", 2023)).isNull();
		assertThat(postFromConsole("/admin/api/evaluations", EVALUATION_CHIGASAKI)).isEqualTo(200);
	}

	@Test
	void tenWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
		String username = "locked-" + suffix();
		accounts.create(username, AccountDraft.of(Role.EDITOR, List.of()), "right-password-1");
		open();

		for (int attempt = 1; attempt <= 10; attempt++) {
			String expected = attempt < 10 ? "ユーザー名かパスワードが違います" : "ロックされています";
			// From the third failure on, each attempt waits a moment first (10 ms here): try again until checked.
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				signIn(username, "wrong-password");
				return message().contains(expected);
			});
		}
		signIn(username, "right-password-1");
		assertThat(message()).contains("ロックされています");

		open();
		signIn("admin", AdminApi.PASSWORD);
		browser.get(url("/admin/accounts/" + accounts.findByUsername(username).orElseThrow().id()));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "までロックされています"));
		browser.findElement(By.xpath("//button[.='ロックを解除する']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "ロックを解除しました"));
		signOut();

		signIn(username, "right-password-1");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "計画と評価"));
	}

	@Test
	void aFormWithoutItsTokenAndACrossSitePostAreRefusedAndSigningOutEndsTheSession() throws Exception {
		open();
		signIn("admin", AdminApi.PASSWORD);
		browser.get(url("/admin/accounts/new"));
		String username = "csrf-" + suffix();
		fill("username", username);
		((JavascriptExecutor) browser).executeScript("document.querySelector('#account-form input[name=_csrf]').remove()");
		browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "CSRF トークン"));
		assertThat(accounts.findByUsername(username)).isEmpty();

		HttpServer attacker = attackerSite();
		try {
			browser.get("http://localhost:" + attacker.getAddress().getPort() + "/");
			wait.until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + port + "/admin/api/"));
		}
		finally {
			attacker.stop(0);
		}
		assertThat(browser.getPageSource()).doesNotContain("\"written\"");
		assertThat(rating("tajimi-4-1-04", 2023)).isNull();

		String session = browser.manage().getCookieNamed("SHISAKU_SESSION").getValue();
		HttpResponse<String> withCookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/admin/api/evaluations/import")))
			.header("Cookie", "SHISAKU_SESSION=" + session)
			.header("Content-Type", "multipart/form-data; boundary=b")
			.POST(HttpRequest.BodyPublishers.ofString(multipart(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withCookie.statusCode()).isEqualTo(403);
		assertThat(withCookie.body()).contains("CSRF");
		assertThat(rating("tajimi-4-1-04", 2023)).isNull();

		browser.get(url("/admin/"));
		signOut();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "サインアウトしました"));
		browser.get(url("/admin/accounts"));
		wait.until(ExpectedConditions.urlContains("/admin/login"));
	}

	private void open() {
		if (browser != null) {
			browser.quit();
		}
		browser = Chromium.start(profile.resolve(suffix()), 1024);
		wait = Chromium.waitFor(browser);
	}

	private void signIn(String username, String password) {
		browser.get(url("/admin/login"));
		fill("username", username);
		fill("password", password);
		browser.findElement(By.cssSelector("#login button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	private void signOut() {
		browser.findElement(By.xpath("//button[.='サインアウト']")).click();
		wait.until(ExpectedConditions.urlContains("/admin/login"));
	}

	private String createAccount(String username, String displayName, String role, String municipality) {
		browser.get(url("/admin/accounts/new"));
		fill("username", username);
		fill("displayName", displayName);
		browser.findElement(By.cssSelector("input[name=role][value=" + role + "]")).click();
		browser.findElement(By.cssSelector("input[name=municipalities][value='" + municipality + "']")).click();
		browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-password"))).getText();
	}

	private void fill(String name, String value) {
		WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
		field.clear();
		field.sendKeys(value);
	}

	private String message() {
		List<WebElement> alerts = browser.findElements(By.cssSelector("[role=alert]"));
		return alerts.isEmpty() ? "" : alerts.getFirst().getText();
	}

	private List<String> navigation() {
		return browser.findElements(By.cssSelector("nav.side a")).stream().map(WebElement::getText).toList();
	}

	/** A request the console's own page makes with its session and CSRF token, as htmx does. */
	private Object postFromConsole(String path, String json) {
		Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const header = document.querySelector('meta[name=csrf-header]').content;
				const token = document.querySelector('meta[name=csrf-token]').content;
				fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/json', [header]: token}, body: arguments[1]})
				  .then(r => done(r.status), e => done(String(e)));
				""", path, json);
		return ((Number) status).intValue();
	}

	/** Another site (localhost is not 127.0.0.1) whose page posts an evaluation file to the console's API. */
	private HttpServer attackerSite() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String page = """
				<!doctype html><html><body>
				<form id="f" method="post" enctype="multipart/form-data" action="http://127.0.0.1:%d/admin/api/evaluations/import">
				<input type="file" name="file" id="file"></form>
				<script>
				const data = new DataTransfer();
				data.items.add(new File(['municipality,measureId,fiscalYear,rating\\n多治見市,tajimi-4-1-04,R5,A\\n'], 'e.csv', {type: 'text/csv'}));
				document.getElementById('file').files = data.files;
				document.getElementById('f').submit();
				</script></body></html>
				""".formatted(port);
		server.createContext("/", exchange -> {
			byte[] body = page.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static String multipart() {
		return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e.csv\"\r\nContent-Type: text/csv\r\n\r\n"
				+ "municipality,measureId,fiscalYear,rating\n多治見市,tajimi-4-1-04,R5,A\n\r\n--b--\r\n";
	}

	private String rating(String measureId, int year) {
		return plans.measure(measureId).orElseThrow().evaluations().stream().filter(e -> e.fiscalYear() == year)
			.findFirst().map(e -> e.rating()).orElse(null);
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
