package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.Chromium;

/**
 * The chat simulator in a real headless Chromium: a newcomer without a LINE channel chooses a city, asks a
 * question, sees the card and taps its button. Skipped where Debian's chromium and chromium-driver are absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorBrowserTest {

	@TempDir
	static Path dataDir;

	@TempDir
	Path profile;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	@LocalServerPort
	int port;

	WebDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aNewcomerChoosesACityAsksAndOpensTheDetails() throws Exception {
		WebDriverWait wait = open();
		quickReply(wait, "多治見市").click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "多治見市を選びました"));

		browser.findElement(By.id("text")).sendKeys("防災アプリはいつから？");
		browser.findElement(By.id("send")).click();
		WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//div[contains(@class,'flex-bubble')][contains(., '防災情報伝達の多重化')]")));
		assertThat(card.getText()).contains("評価 B（目標どおりに実施）");

		card.findElement(By.xpath(".//button[contains(., '詳しく見る')]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "■評価の推移"));
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target/simulator.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void theSettingsCardsButtonsFollowAndUnfollow() {
		WebDriverWait wait = open();
		quickReply(wait, "多治見市").click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "多治見市を選びました"));

		browser.findElement(By.xpath("//nav[@class='menu']/button[.='通知設定']")).click();
		WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//div[contains(@class,'flex-bubble')][contains(., '受け取っている通知（0件）')]")));
		card.findElement(By.xpath(".//button[.='多治見市全体']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "「多治見市のすべての施策」の通知を登録しました。"));

		quickReply(wait, "通知設定").click();
		card = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//div[contains(@class,'flex-bubble')][contains(., '受け取っている通知（1件）')]")));
		card.findElement(By.xpath(".//button[.='解除']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "「多治見市のすべての施策」の通知を解除しました。"));
	}

	/**
	 * After five cards the input box and the rich menu are still on screen, on a phone (390×844) and on a desktop
	 * window: only the conversation scrolls.
	 */
	@ParameterizedTest
	@CsvSource({ "390, 844", "1280, 800" })
	void theInputStaysOnScreenAfterFiveCards(int width, int height) {
		WebDriverWait wait = open(width, height);
		quickReply(wait, "多治見市").click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "多治見市を選びました"));
		List<String> questions = List.of("防災アプリはいつから？", "防犯カメラの設置", "避難所のWi-Fi", "公共施設予約システム",
				"墓地台帳システム");
		for (int i = 0; i < questions.size(); i++) {
			browser.findElement(By.id("text")).sendKeys(questions.get(i));
			browser.findElement(By.id("send")).click();
			int cards = i + 1;
			wait.until(d -> d.findElements(By.cssSelector(".flex-bubble")).size() >= cards);
		}
		int viewport = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight")).intValue();
		for (String element : List.of("text", "send")) {
			Rectangle box = browser.findElement(By.id(element)).getRect();
			assertThat(box.getY() + box.getHeight()).as(element + " at " + width + "x" + height).isLessThanOrEqualTo(viewport);
			assertThat(box.getY()).as(element).isPositive();
		}
		Rectangle menu = browser.findElement(By.cssSelector("nav.menu")).getRect();
		assertThat(menu.getY() + menu.getHeight()).as("menu at " + width + "x" + height).isLessThanOrEqualTo(viewport);
		Object scrolled = ((JavascriptExecutor) browser).executeScript(
				"const t = document.getElementById('talk'); return t.scrollHeight > t.clientHeight && window.scrollY === 0;");
		assertThat(scrolled).as("only the conversation scrolls").isEqualTo(true);
	}

	private WebDriverWait open() {
		return open(480, 1000);
	}

	private WebDriverWait open(int width, int height) {
		browser = Chromium.start(profile, width, height);
		WebDriverWait wait = Chromium.waitFor(browser);
		browser.get("http://127.0.0.1:" + port + "/");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("talk"), "お住まいの市を選んでください"));
		return wait;
	}

	private WebElement quickReply(WebDriverWait wait, String label) {
		return wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[@id='quick']/button[normalize-space(.)='" + label + "']")));
	}
}
