package jp.shisakunavi.staff.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.Chromium;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.line.LineChat;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;

/**
 * Local mode, as a newcomer finds it: the start-up banner prints a demo invitation, the code registers the
 * simulator's user as 多治見市 情報課 staff, the simulator then draws the staff menu (also on its page, in headless
 * Chromium), and its buttons show the round an administrator opened and start the report of a unit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffSimulatorTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	@Autowired
	DemoInvitation demo;

	@Autowired
	Rounds rounds;

	@Autowired
	Invitations invitations;

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void aNewcomerRegistersWithTheBannersCodeAndReportsInTheSimulator() {
		List<String> banner = demo.lines("http://localhost:8080");
		assertThat(banner).hasSize(1);
		Matcher code = Pattern.compile("「(職員登録 \\d{6})」 to register as 多治見市 情報課 \\(担当\\)").matcher(banner.getFirst());
		assertThat(code.find()).as(banner.getFirst()).isTrue();

		String token = http.postForEntity("/simulator/sessions", null, JsonNode.class).getBody().path("token").asText();
		JsonNode registered = send(token, Map.of("text", code.group(1)));
		assertThat(LineChat.texts(registered.path("messages"))).contains("職員として登録しました", "多治見市 情報課（担当）");
		assertThat(registered.path("menu").path("buttons").findValuesAsText("label"))
			.containsExactly("報告状況", "報告する", "締切", "使い方");
		assertThat(LineChat.texts(send(token, Map.of("text", "報告状況")).path("messages"))).contains(StaffChat.NOTHING_ASKED);

		LocalDate today = LocalDate.now(StaffTexts.TOKYO);
		rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, today, today.plusDays(14), List.of(), false, null), "admin");
		String status = LineChat.texts(send(token, Map.of("text", "報告状況")).path("messages"));
		assertThat(status).contains("情報課の報告状況", "【第3次多治見市情報化計画 令和元年度】", "未着手", "Webで報告する：http://localhost:");

		JsonNode choice = send(token, Map.of("text", "報告する")).path("messages");
		String first = LineChat.postbackData(choice).getFirst();
		assertThat(first).startsWith("staff:report:");
		JsonNode unit = send(token, Map.of("postback", first)).path("messages");
		assertThat(LineChat.texts(unit)).contains("今年度の評価を選んでください。");
		assertThat(unit.toString()).contains("前年度の評価はありません。");
		assertThat(send(token, Map.of("text", "職員の使い方")).toString()).contains("職員メニューの使い方です。");
	}

	@Test
	void theSimulatorPageShowsTheStaffMenuOnceRegistered(@TempDir Path profile) {
		// a code of its own: the banner's is the other test's
		String code = invitations.issue(new InvitationRequest("多治見市", List.of("情報課"), StaffRole.REPORTER, "画面"), "test")
			.message();
		WebDriver browser = Chromium.start(profile, 480, 1000);
		try {
			WebDriverWait wait = Chromium.waitFor(browser);
			browser.get("http://127.0.0.1:" + port + "/");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "お住まいの市を選んでください"));
			assertThat(menu(browser)).containsExactly("施策をさがす", "評価の見方", "通知設定", "使い方");

			browser.findElement(By.id("text")).sendKeys(code);
			browser.findElement(By.id("send")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "職員として登録しました"));
			wait.until(d -> menu(d).equals(List.of("報告状況", "報告する", "締切", "使い方")));
			browser.findElement(By.xpath("//nav[@id='menu']/button[.='使い方']")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "職員メニューの使い方です。"));
		}
		finally {
			browser.quit();
		}
	}

	private static List<String> menu(WebDriver browser) {
		return browser.findElements(By.cssSelector("nav#menu button")).stream().map(WebElement::getText).toList();
	}

	private JsonNode send(String token, Map<String, String> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Simulator-Token", token);
		return http.postForEntity("/simulator/messages", new HttpEntity<>(body, headers), JsonNode.class).getBody();
	}
}
