package jp.shisakunavi.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.ConsoleBrowser;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.users.LineUserId;

/**
 * The staff pages in headless Chromium: an administrator invites a staff member (the code shown once, with its
 * LINE link's QR), who registers with it; opens a round in the form; returns the member's report with a comment,
 * approves the resubmission and publishes it; the dashboard charts the departments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffConsoleBrowserTest {

	@TempDir
	static Path dataDir;

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("shisaku.staff.line-basic-id", () -> "@shisaku");
		AdminApi.credentials(registry);
		registry.add("shisaku.admin.delay", () -> "10ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	Invitations invitations;

	@Autowired
	Rounds rounds;

	@Autowired
	Obligations obligations;

	@Autowired
	Reports reports;

	@Test
	void anAdministratorInvitesOpensARoundReviewsAndPublishes() {
		try (ConsoleBrowser browser = ConsoleBrowser.open(profiles, port)) {
			browser.signIn("admin", AdminApi.PASSWORD);
			browser.get("/admin/staff");
			new Select(browser.driver().findElement(By.name("municipality"))).selectByValue("多治見市");
			browser.fill("departments", "秘書広報課");
			new Select(browser.driver().findElement(By.name("role"))).selectByVisibleText("担当");
			browser.fill("name", "広報 一郎");
			browser.driver().findElement(By.cssSelector("#invite button[type=submit]")).click();

			String message = browser.text(By.id("issued-message"));
			assertThat(message).matches("職員登録 [0-9]{6}");
			assertThat(browser.driver().findElement(By.id("issued-link")).getText())
				.startsWith("https://line.me/R/oaMessage/%40shisaku/?");
			assertThat(browser.driver().findElement(By.cssSelector("#issued img")).getAttribute("src"))
				.startsWith("data:image/png;base64,");
			assertThat(browser.text(By.id("invitations"))).contains("秘書広報課").contains("未使用");

			LineUserId user = LineUserId.of("U" + "a".repeat(32));
			StaffMember member = ((Registration.Registered) invitations.register(user, message.substring(5))).member();
			browser.get("/admin/staff");
			assertThat(browser.text(By.id("invitations"))).contains("登録済み");
			assertThat(browser.text(By.id("members"))).contains("広報 一郎").contains("有効");

			LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
			browser.get("/admin/rounds");
			new Select(browser.driver().findElement(By.name("plan"))).selectByValue("tajimi-3");
			browser.fill("fiscalYear", "2019");
			date(browser, "opensOn", today);
			date(browser, "dueOn", today.plusDays(14));
			browser.driver().findElement(By.cssSelector("#open-round button[type=submit]")).click();
			browser.waitForText(By.id("round-message"), "報告依頼を開始しました");
			assertThat(browser.text(By.id("progress"))).contains("秘書広報課").contains("福祉課");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#round-chart canvas")));

			Round round = rounds.of("多治見市").getFirst();
			Obligation sns = obligations.ofRound(round.id()).stream()
				.filter(o -> o.unitId().equals("tajimi-3-1-01"))
				.findFirst()
				.orElseThrow();
			reports.submit(StaffActor.of(member), sns.id(), 0, new ReportDraft("B", "週1回発信しました。", "写真が少ない", null));

			browser.get("/admin/rounds/" + round.id() + "?department=秘書広報課");
			WebElement row = row(browser, "tajimi-3-1-01");
			assertThat(row.getText()).contains("週1回発信しました。").contains("提出済");
			row.findElement(By.cssSelector("form.return input[name=comment]")).sendKeys("回数の根拠を書いてください");
			row.findElement(By.cssSelector("form.return button")).click();
			browser.waitForText(By.id("round-message"), "差戻しにしました");
			assertThat(row(browser, "tajimi-3-1-01").getText()).contains("差戻しの理由: 回数の根拠を書いてください");

			Obligation returned = obligations.find(sns.id()).orElseThrow();
			reports.submit(StaffActor.of(member), sns.id(), returned.version(),
					new ReportDraft("B", "週1回、年52回発信しました。", "写真が少ない", null));
			browser.get("/admin/rounds/" + round.id());
			row(browser, "tajimi-3-1-01").findElement(By.cssSelector("form.approve button")).click();
			browser.waitForText(By.id("round-message"), "承認済にしました");

			browser.clickConfirming(By.cssSelector("#publish button"));
			browser.waitForText(By.id("round-message"), "1件の報告を公開しました");
			assertThat(obligations.find(sns.id())).get().extracting(Obligation::status).isEqualTo(ReportStatus.PUBLISHED);
			assertThat(row(browser, "tajimi-3-1-01").getText()).contains("公開済");
			assertThat(browser.driver().findElements(By.cssSelector("nav.side a")).stream().map(WebElement::getText).toList())
				.contains("報告依頼", "職員", "部署");
		}
	}

	private static WebElement row(ConsoleBrowser browser, String unitId) {
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#obligations tr[data-unit='" + unitId + "']"));
		return rows.getFirst();
	}

	/** Date inputs take the date typed as the browser's locale shows it; setting the value is locale-free. */
	private static void date(ConsoleBrowser browser, String name, LocalDate value) {
		WebElement field = browser.driver().findElement(By.name(name));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
				field, value.toString());
	}
}
