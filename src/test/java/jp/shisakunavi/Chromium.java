package jp.shisakunavi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for page tests (Debian's chromium and chromium-driver); a test that needs one is
 * skipped with a message where they are absent.
 */
public final class Chromium {

	static final Path BINARY = Path.of("/usr/bin/chromium");
	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/** A new browser with its own profile (cookies) in {@code profile}, as wide as {@code width} pixels. */
	public static WebDriver start(Path profile, int width) {
		return start(profile, width, 1000);
	}

	/** The same, with a window of {@code width} × {@code height} pixels (390 × 844: a phone). */
	public static WebDriver start(Path profile, int width, int height) {
		assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
				"Debian's chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
		ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
	}

	public static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}
}
