package jp.shisakunavi.admin.announcements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
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
import jp.shisakunavi.notify.DeliveryReport;
import jp.shisakunavi.notify.Notifications;

/**
 * Announcements and deliveries in a real headless Chromium: an editor composes a text with a link, chooses a
 * city's followers, sees the dry run with the count and the exact text, sends it (twice, sent once) and the
 * citizen following that city reads it in the chat simulator, while the follower of another city is not counted;
 * a scheduled announcement is listed as planned and cancelled before it goes out; viewers, editors of another city
 * and a form without its CSRF token are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnouncementConsoleBrowserTest {

	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final String SCRIPT = "<script>alert('news')</script>";
	private static final String LINK = "https://www.city.tajimi.lg.jp/bousai/";

	@TempDir
	static Path dataDir;

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", dataDir::toString);
		AdminApi.credentials(registry);
		registry.add("shisaku.admin.delay", () -> "10ms");
		registry.add("shisaku.notify.send-window", () -> "");
		registry.add("shisaku.delivery.poll-interval", () -> "100ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	MongoTemplate mongo;

	private final List<ConsoleBrowser> opened = new ArrayList<>();

	@AfterEach
	void close() {
		opened.forEach(ConsoleBrowser::close);
	}

	@Test
	void anAnnouncementToACitysFollowersIsDryRunSentOnceAndReadInTheSimulator() throws IOException {
		ConsoleBrowser tajimi = citizenFollowing("多治見市");
		citizenFollowing("茅ヶ崎市");
		long announcements = announcements();
		long audited = audited("announcement.create");

		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		compose(console, "多治見市", SCRIPT + "防災訓練を12月10日に行います。", LINK, "city:多治見市");
		console.driver().findElement(By.id("dry-run")).click();

		assertThat(console.text(By.id("recipients"))).as("only the follower of 多治見市").isEqualTo("1");
		assertThat(console.text(By.id("segment"))).contains("多治見市のすべての施策");
		assertThat(console.text(By.id("text")))
			.isEqualTo("【施策ナビ】お知らせ\n" + SCRIPT + "防災訓練を12月10日に行います。\n" + LINK);
		assertThat(announcements()).as("a dry run sends nothing").isEqualTo(announcements);
		screenshot(console, "announcement-dry-run.png");

		String sent = (String) ((JavascriptExecutor) console.driver()).executeScript(
				"return new URLSearchParams(new FormData(document.getElementById('send-form'))).toString() + '&when=now'");
		console.driver().findElement(By.id("send-now")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "お知らせを送りました");
		assertThat(console.postFromConsole("/admin/announcements/send", "application/x-www-form-urlencoded", sent))
			.as("the same form again").isEqualTo(200);
		assertThat(announcements()).isEqualTo(announcements + 1);
		assertThat(audited("announcement.create")).isEqualTo(audited + 1);

		tajimi.waitForText(By.id("talk"), "防災訓練を12月10日に行います。");
		assertThat(tajimi.text(By.id("talk"))).contains(SCRIPT + "防災訓練を12月10日に行います。").contains(LINK);
		await().atMost(WAIT).untilAsserted(() -> {
			console.get("/admin/deliveries");
			WebElement row = console.driver().findElement(By.cssSelector("#deliveries tr.delivery"));
			assertThat(row.getText()).contains("お知らせ").contains("多治見市のすべての施策").contains("完了（送信済み）")
				.contains("に終わりました");
			assertThat(row.findElement(By.cssSelector(".sent")).getText()).isEqualTo("1");
			assertThat(row.findElements(By.cssSelector("button.cancel"))).as("a finished delivery cannot be cancelled").isEmpty();
		});
	}

	@Test
	void aScheduledAnnouncementIsListedAsPlannedAndCancelledBeforeItGoesOut() {
		citizenFollowing("多治見市");
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		compose(console, "多治見市", "窓口の受付時間が変わります。", "", "theme:多治見市/防災・安全");
		console.driver().findElement(By.id("dry-run")).click();
		console.text(By.id("recipients"));

		console.driver().findElement(By.id("schedule")).click();
		assertThat(console.text(By.cssSelector("#send-form .field-error"))).as("a schedule needs a time")
			.isEqualTo("予約する日時を入れてください（例 2026-12-03 09:00）");
		String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0).toString();
		((JavascriptExecutor) console.driver()).executeScript("document.querySelector('input[name=sendAt]').value = arguments[0]", tomorrow);
		console.driver().findElement(By.id("schedule")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "お知らせを予約しました");
		WebElement row = console.driver().findElement(By.cssSelector("#deliveries tr.delivery"));
		assertThat(row.getText()).contains("予約").contains(tomorrow.replace('T', ' ').substring(0, 16) + " に送ります");

		console.clickConfirming(By.cssSelector("#deliveries tr.delivery button.cancel"));
		console.waitForText(By.cssSelector("main .notice.ok"), "配信を取り消しました");
		assertThat(console.text(By.cssSelector("#deliveries tr.delivery"))).contains("完了（取り消し）");
		DeliveryReport cancelled = notifications.recent(1).getFirst();
		assertThat(cancelled.state()).isEqualTo("CANCELLED");
		assertThat(cancelled.recipientsSent()).isZero();
		assertThat(audited("delivery.cancel")).isEqualTo(1);
	}

	@Test
	void viewersEditorsOfAnotherCityAndFormsWithoutTheirTokenAreRefused() {
		String viewer = "viewer-" + suffix();
		accounts.create(viewer, AccountDraft.of(Role.VIEWER, List.of()), "viewer-password-1");
		String editor = "chigasaki-" + suffix();
		accounts.create(editor, AccountDraft.of(Role.EDITOR, List.of("茅ヶ崎市")), "editor-password-1");
		String post = "id=" + UUID.randomUUID() + "&city=多治見市&text=お知らせ&topics=city:多治見市&when=now";
		long announcements = announcements();

		ConsoleBrowser reading = browser();
		reading.signIn(viewer, "viewer-password-1");
		reading.get("/admin/announcements");
		assertThat(reading.main()).contains("このアカウント（閲覧者）ではお知らせを送れません");
		assertThat(reading.driver().findElements(By.id("announcement-form"))).isEmpty();
		assertThat(reading.postFromConsole("/admin/announcements/send", "application/x-www-form-urlencoded", post))
			.isEqualTo(403);

		ConsoleBrowser chigasaki = browser();
		chigasaki.signIn(editor, "editor-password-1");
		chigasaki.get("/admin/announcements");
		assertThat(new Select(chigasaki.driver().findElement(By.name("city"))).getFirstSelectedOption().getText())
			.isEqualTo("茅ヶ崎市");
		assertThat(chigasaki.driver().findElements(By.name("everyone"))).as("not to every city").isEmpty();
		chigasaki.get("/admin/announcements?city=多治見市");
		assertThat(new Select(chigasaki.driver().findElement(By.name("city"))).getOptions()).extracting(WebElement::getText)
			.containsExactly("茅ヶ崎市");
		assertThat(chigasaki.driver().findElements(By.cssSelector("input[name=topics][value='city:多治見市']"))).isEmpty();
		assertThat(chigasaki.postFromConsole("/admin/announcements/send", "application/x-www-form-urlencoded", post))
			.isEqualTo(403);
		assertThat(chigasaki.postFromConsole("/admin/announcements/send", "application/x-www-form-urlencoded",
				"id=" + UUID.randomUUID() + "&text=お知らせ&everyone=true&when=now")).isEqualTo(403);

		ConsoleBrowser admin = browser();
		admin.signIn("admin", AdminApi.PASSWORD);
		compose(admin, "多治見市", "CSRF なしのお知らせです。", "", "city:多治見市");
		((JavascriptExecutor) admin.driver()).executeScript("document.querySelector('#announcement-form input[name=_csrf]').remove()");
		admin.driver().findElement(By.id("dry-run")).click();
		admin.waitForText(By.tagName("main"), "CSRF トークン");

		assertThat(announcements()).isEqualTo(announcements);
	}

	private long audited(String action) {
		return mongo.count(Query.query(where("action").is(action)), "audit_log");
	}

	private long announcements() {
		return mongo.count(Query.query(where("kind").is("ANNOUNCEMENT")), "deliveries");
	}

	/** A citizen in the chat simulator who follows everything of a city. */
	private ConsoleBrowser citizenFollowing(String city) {
		ConsoleBrowser citizen = browser();
		citizen.get("/");
		citizen.waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[@id='quick']/button[normalize-space(.)='" + city + "']"))).click();
		citizen.waitForText(By.id("talk"), city + "を選びました");
		citizen.driver().findElement(By.xpath("//nav[@class='menu']/button[.='通知設定']")).click();
		citizen.waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'flex-bubble')]//button[.='" + city + "全体']"))).click();
		citizen.waitForText(By.id("talk"), "「" + city + "のすべての施策」の通知を登録しました。");
		return citizen;
	}

	private static void compose(ConsoleBrowser console, String city, String text, String link, String topic) {
		console.get("/admin/announcements?city=" + city);
		console.fill("text", text);
		if (!link.isEmpty()) {
			console.fill("link", link);
		}
		WebElement box = console.driver().findElement(By.cssSelector("input[name=topics][value='" + topic + "']"));
		((JavascriptExecutor) console.driver()).executeScript("arguments[0].closest('details')?.setAttribute('open', '')", box);
		box.click();
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

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
