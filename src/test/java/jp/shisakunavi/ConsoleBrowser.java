package jp.shisakunavi;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person at the console in a headless Chromium of their own: signing in and out, forms, the console's own requests. */
public final class ConsoleBrowser implements AutoCloseable {

	private final WebDriver browser;
	private final WebDriverWait wait;
	private final int port;

	private ConsoleBrowser(WebDriver browser, int port) {
		this.browser = browser;
		this.wait = Chromium.waitFor(browser);
		this.port = port;
	}

	/** A new browser with a profile (cookies) of its own below {@code profiles}. */
	public static ConsoleBrowser open(Path profiles, int port) {
		return new ConsoleBrowser(Chromium.start(profiles.resolve(UUID.randomUUID().toString()), 1024), port);
	}

	public WebDriver driver() {
		return browser;
	}

	public WebDriverWait waiting() {
		return wait;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	public void get(String path) {
		browser.get(url(path));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
	}

	public void signIn(String username, String password) {
		get("/admin/login");
		fill("username", username);
		fill("password", password);
		browser.findElement(By.cssSelector("#login button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	public void signOut() {
		browser.findElement(By.xpath("//button[.='サインアウト']")).click();
		wait.until(ExpectedConditions.urlContains("/admin/login"));
	}

	public void fill(String name, String value) {
		WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
		field.clear();
		field.sendKeys(value);
	}

	/** Clicks and accepts the confirmation the console asks for ({@code data-confirm}). */
	public void clickConfirming(By button) {
		browser.findElement(button).click();
		wait.until(ExpectedConditions.alertIsPresent()).accept();
	}

	public String text(By element) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(element)).getText();
	}

	public void waitForText(By element, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

	public String main() {
		return text(By.tagName("main"));
	}

	public String message() {
		List<WebElement> alerts = browser.findElements(By.cssSelector("[role=alert]"));
		return alerts.isEmpty() ? "" : alerts.getFirst().getText();
	}

	public List<String> navigation() {
		return browser.findElements(By.cssSelector("nav.side a")).stream().map(WebElement::getText).toList();
	}

	/** A request the console's own page makes with its session and CSRF token, as htmx does; the status. */
	public int postFromConsole(String path, String contentType, String body) {
		Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const header = document.querySelector('meta[name=csrf-header]').content;
				const token = document.querySelector('meta[name=csrf-token]').content;
				fetch(arguments[0], {method: 'POST', headers: {'Content-Type': arguments[1], [header]: token}, body: arguments[2]})
				  .then(r => done(r.status), e => done(String(e)));
				""", path, contentType, body);
		return ((Number) status).intValue();
	}

	@Override
	public void close() {
		browser.quit();
	}
}
