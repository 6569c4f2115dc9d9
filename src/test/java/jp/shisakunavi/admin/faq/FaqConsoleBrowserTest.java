package jp.shisakunavi.admin.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.faq.FaqEditor;

/**
 * The FAQ pages in a real headless Chromium: an editor creates an entry (the validation says what is wrong),
 * tries it in the 「試す」 pane against the saved and the unsaved content, and the bot answers it in the chat
 * simulator, with script shown as text everywhere; two editors saving the same entry; a seed file changed after a
 * console edit, with each of the three choices; version restore and deletion; what a viewer and an editor of
 * another city may not do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shisaku.faq.poll-interval=PT0.2S", "shisaku.search.rebuild-delay=PT0.1S" })
class FaqConsoleBrowserTest {

	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final String SCRIPT = "<script>alert('faq')</script>";

	@TempDir
	static Path root;

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		seed("tajimi/wifi.yaml", """
				question: 多治見市の公衆無線LANはどこで使えますか？
				answer: 観光拠点などで使えます。
				municipality: 多治見市
				category: 計画
				tags: [通信]
				writtenByHand: true
				""");
		seed("tajimi/network.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				answer: 更新しました。
				municipality: 多治見市
				writtenByHand: true
				""");
		seed("chigasaki/office.yaml", """
				question: 茅ヶ崎市の電子申請は何ができますか？
				answer: 各種の申請ができます。
				municipality: 茅ヶ崎市
				category: 手続き
				writtenByHand: true
				""");
		FaqSeedFolder.use(root, registry);
		registry.add("shisaku.admin.delay", () -> "10ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	FaqEditor editor;

	private final List<ConsoleBrowser> opened = new ArrayList<>();

	@AfterEach
	void close() {
		opened.forEach(ConsoleBrowser::close);
	}

	@Test
	void anEditorCreatesAnEntryTriesItAndTheBotAnswersItInTheSimulatorWithScriptAsText() throws IOException {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		console.get("/admin/faq");
		console.waitForText(By.id("entries"), "多治見市の公衆無線LANはどこで使えますか？");
		console.driver().findElement(By.linkText("新しい FAQ を作る")).click();

		console.fill("question", "ころころ号の自転車はどこで借りられますか？");
		console.fill("alternates", "ころころ号の貸出場所");
		new Select(console.driver().findElement(By.name("municipality"))).selectByVisibleText("多治見市");
		console.driver().findElement(By.id("save")).click();
		assertThat(console.text(By.cssSelector("main .field-error"))).isEqualTo("回答を入れてください");
		assertThat(console.driver().findElement(By.name("question")).getAttribute("value"))
			.as("a refused save keeps what was typed").isEqualTo("ころころ号の自転車はどこで借りられますか？");

		console.fill("answer", "あ".repeat(5001));
		console.driver().findElement(By.id("save")).click();
		assertThat(console.text(By.cssSelector("main .field-error"))).contains("LINE の1通のメッセージ（5000文字）に収まりません");

		console.fill("question", "多治見市の公衆無線ＬＡＮはどこで使えますか");
		console.fill("answer", "別の答えです。");
		console.driver().findElement(By.id("save")).click();
		assertThat(console.text(By.cssSelector("main .field-error"))).contains("ですでに質問になっています");

		console.fill("question", "ころころ号の自転車はどこで借りられますか？");
		console.fill("answer", SCRIPT + "駅前の観光案内所で借りられます。");
		console.fill("tags", "自転車、観光");
		console.driver().findElement(By.id("save")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "作成しました");
		assertThat(console.driver().findElement(By.name("answer")).getAttribute("value")).startsWith(SCRIPT);
		String id = URLDecoder.decode(URI.create(console.driver().getCurrentUrl()).getRawQuery().replace("id=", ""), UTF_8);
		assertThat(id).startsWith("tajimi/faq-");

		console.fill("trialQuestion", "ころころ号はどこで借りられる？");
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			console.driver().findElement(By.id("try-saved")).click();
			assertThat(console.text(By.cssSelector("#trial-result .trial-first .reply"))).contains("駅前の観光案内所");
		});
		assertThat(console.text(By.id("trial-result"))).contains("保存済みの内容で").contains("確からしさ");
		assertThat(console.text(By.cssSelector("#trial-result .trial-first .reply"))).startsWith(SCRIPT);

		console.fill("answer", "市役所の1階で借りられます。");
		console.driver().findElement(By.id("try-draft")).click();
		console.waitForText(By.cssSelector("#trial-result .trial-first .reply"), "市役所の1階");
		assertThat(console.text(By.id("trial-result"))).contains("編集中の内容で").contains("編集中の FAQ");
		console.driver().findElement(By.id("try-saved")).click();
		console.waitForText(By.cssSelector("#trial-result .trial-first .reply"), "駅前の観光案内所");
		assertThat(editor.find(id).orElseThrow().content().answer())
			.as("trying the edit writes nothing").contains("駅前の観光案内所");
		screenshot(console, "faq-edit.png");

		console.get("/admin/faq?text=ころころ");
		assertThat(console.text(By.id("faq-table"))).contains("ころころ号の自転車はどこで借りられますか？").contains("自転車、観光");
		assertNoAlert(console);

		console.get("/");
		By city = By.xpath("//div[@id='quick']/button[normalize-space(.)='多治見市']");
		console.waiting().until(ExpectedConditions.elementToBeClickable(city)).click();
		console.waitForText(By.id("talk"), "多治見市を選びました");
		console.driver().findElement(By.id("text")).sendKeys("ころころ号はどこで借りられる？");
		console.driver().findElement(By.id("send")).click();
		console.waitForText(By.id("talk"), "駅前の観光案内所で借りられます。");
		assertThat(console.text(By.id("talk"))).contains(SCRIPT + "駅前の観光案内所で借りられます。");
		assertNoAlert(console);
	}

	@Test
	void theSecondOfTwoEditorsSavingTheSameEntryIsRefusedWithTheDifferenceAndThenSavesKnowingly() {
		String other = "editor-" + suffix();
		accounts.create(other, AccountDraft.of(Role.EDITOR, List.of("多治見市")), "tajimi-editor-1");
		ConsoleBrowser first = browser();
		first.signIn("admin", AdminApi.PASSWORD);
		ConsoleBrowser second = browser();
		second.signIn(other, "tajimi-editor-1");
		first.get("/admin/faq/entry?id=tajimi/wifi");
		second.get("/admin/faq/entry?id=tajimi/wifi");

		first.fill("answer", "駅と図書館で使えます。");
		first.driver().findElement(By.id("save")).click();
		first.waitForText(By.cssSelector("main .notice.ok"), "保存しました");

		second.fill("answer", "観光拠点と公民館で使えます。");
		second.driver().findElement(By.id("save")).click();
		String crossed = second.text(By.id("crossed"));
		assertThat(crossed).contains("admin さんが変更しました").contains("駅と図書館で使えます。")
			.contains("観光拠点と公民館で使えます。");
		assertThat(second.driver().findElement(By.name("answer")).getAttribute("value")).isEqualTo("観光拠点と公民館で使えます。");
		assertThat(editor.find("tajimi/wifi").orElseThrow().content().answer()).isEqualTo("駅と図書館で使えます。");

		second.fill("answer", "駅と図書館、公民館で使えます。");
		second.driver().findElement(By.id("save")).click();
		second.waitForText(By.cssSelector("main .notice.ok"), "保存しました");
		assertThat(editor.find("tajimi/wifi").orElseThrow().content().answer()).isEqualTo("駅と図書館、公民館で使えます。");
	}

	@Test
	void aSeedFileChangedAfterAConsoleEditIsShownAndEachChoiceWorks() throws IOException {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		saveAnswer(console, "tajimi/network", "管理画面で直した答えです。");

		seedNetwork("ファイルで直した答えです。");
		String conflict = conflictShown(console);
		assertThat(conflict).contains("faq/tajimi/network.yaml").contains("管理画面で直した答えです。").contains("ファイルで直した答えです。");
		console.get("/admin/faq");
		console.waitForText(By.tagName("main"), "選ぶのを待っている FAQ が 1 件あります");
		console.get("/admin/faq/entry?id=tajimi/network");
		console.driver().findElement(By.id("keep-console")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "管理画面の版を残しました");
		assertThat(console.driver().findElements(By.id("file-conflict"))).isEmpty();
		assertThat(answer("tajimi/network")).isEqualTo("管理画面で直した答えです。");

		seedNetwork("ファイルでもう一度直した答えです。");
		conflictShown(console);
		console.clickConfirming(By.id("take-file"));
		console.waitForText(By.cssSelector("main .notice.ok"), "ファイルの版にしました");
		assertThat(console.driver().findElement(By.name("answer")).getAttribute("value")).isEqualTo("ファイルでもう一度直した答えです。");
		assertThat(console.text(By.cssSelector("main p.muted"))).contains("元のファイルのとおり");

		saveAnswer(console, "tajimi/network", "また管理画面で直しました。");
		seedNetwork("ファイルでまた直しました。");
		conflictShown(console);
		console.fill("answer", "また管理画面で直し、ファイルの変更も入れました。");
		console.driver().findElement(By.id("save")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "保存しました");
		assertThat(console.driver().findElements(By.id("file-conflict"))).isEmpty();
		assertThat(answer("tajimi/network")).isEqualTo("また管理画面で直し、ファイルの変更も入れました。");
		console.get("/admin/faq/entry/history?id=tajimi/network");
		assertThat(console.text(By.id("versions"))).contains("ファイルの版と手で統合").contains("ファイルの版を採用")
			.contains("管理画面の版を残す").contains("ファイルが変わりました（未反映・選択待ち）");
	}

	@Test
	void aVersionIsRestoredAndADeletedEntryComesBackFromItsHistory() {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		saveAnswer(console, "chigasaki/office", "電子申請で住民票の写しを請求できます。");

		console.get("/admin/faq/entry/history?id=chigasaki/office");
		assertThat(console.driver().findElement(By.id("versions")).getAttribute("textContent"))
			.contains("電子申請で住民票の写しを請求できます。").contains("今の版");
		console.clickConfirming(By.xpath("//button[.='第1版に戻す']"));
		console.waitForText(By.cssSelector("main .notice.ok"), "第1版の内容に戻しました");
		assertThat(console.driver().findElement(By.name("answer")).getAttribute("value")).isEqualTo("各種の申請ができます。");

		console.clickConfirming(By.id("delete"));
		console.waitForText(By.cssSelector("main .notice.ok"), "を削除しました");
		assertThat(console.text(By.id("entries"))).doesNotContain("茅ヶ崎市の電子申請は何ができますか？");
		new Select(console.driver().findElement(By.name("state"))).selectByValue("DELETED");
		console.waitForText(By.id("entries"), "茅ヶ崎市の電子申請は何ができますか？");

		console.get("/admin/faq/entry?id=chigasaki/office");
		assertThat(console.main()).contains("この FAQ は削除されています");
		console.get("/admin/faq/entry/history?id=chigasaki/office");
		console.clickConfirming(By.xpath("//button[.='第3版に戻す']"));
		console.waitForText(By.cssSelector("main .notice.ok"), "第3版の内容に戻しました");
		assertThat(editor.find("chigasaki/office").orElseThrow().deleted()).isFalse();
		assertThat(answer("chigasaki/office")).isEqualTo("各種の申請ができます。");
	}

	@Test
	void aViewerOnlyReadsAndAnEditorOfChigasakiCannotChangeTajimi() {
		String viewer = "viewer-" + suffix();
		accounts.create(viewer, AccountDraft.of(Role.VIEWER, List.of()), "viewer-password-1");
		String chigasaki = "chigasaki-" + suffix();
		accounts.create(chigasaki, AccountDraft.of(Role.EDITOR, List.of("茅ヶ崎市")), "chigasaki-editor-1");
		long version = editor.find("tajimi/wifi").orElseThrow().version();
		String change = "question=" + encoded("多治見市の公衆無線LANはどこで使えますか？") + "&answer=" + encoded("書き換え")
				+ "&municipality=" + encoded("多治見市") + "&version=" + version;

		ConsoleBrowser reader = browser();
		reader.signIn(viewer, "viewer-password-1");
		reader.get("/admin/faq");
		assertThat(reader.driver().findElements(By.linkText("新しい FAQ を作る"))).isEmpty();
		reader.get("/admin/faq/entry?id=tajimi/wifi");
		assertThat(reader.main()).contains("このアカウントでは、この FAQ を見ることだけができます");
		assertThat(reader.driver().findElement(By.id("save")).isEnabled()).isFalse();
		assertThat(reader.postFromConsole("/admin/faq/entry?id=tajimi/wifi", "application/x-www-form-urlencoded", change))
			.isEqualTo(403);

		ConsoleBrowser other = browser();
		other.signIn(chigasaki, "chigasaki-editor-1");
		other.get("/admin/faq/new");
		assertThat(new Select(other.driver().findElement(By.name("municipality"))).getOptions())
			.extracting(WebElement::getText).containsExactly("茅ヶ崎市");
		other.get("/admin/faq?municipality=多治見市");
		assertThat(other.text(By.id("entries"))).contains("0 件");
		other.get("/admin/faq/entry?id=tajimi/wifi");
		assertThat(other.main()).contains("この操作はできません");
		assertThat(other.postFromConsole("/admin/faq/entry?id=tajimi/wifi", "application/x-www-form-urlencoded", change))
			.isEqualTo(403);
		assertThat(editor.find("tajimi/wifi").orElseThrow().version()).isEqualTo(version);
	}

	@Test
	void aCp932CsvAndAnExcelFileArePreviewedRowByRowAndTakenWholeOnConfirmation() throws IOException {
		ConsoleBrowser console = browser();
		console.signIn("admin", AdminApi.PASSWORD);
		Path broken = profiles.resolve("faq-sjis.csv");
		Files.write(broken, """
				質問,回答,自治体,分類
				多治見市のスマート窓口はどこですか？,本庁舎1階です。,多治見市,手続き
				多治見市の電子契約は使えますか？,,多治見市,手続き
				""".getBytes(Charset.forName("windows-31j")));
		console.get("/admin/faq");
		console.driver().findElement(By.linkText("取り込む")).click();
		console.driver().findElement(By.name("file")).sendKeys(broken.toString());
		console.driver().findElement(By.id("preview")).click();
		console.waitForText(By.id("preview-rows"), "多治見市のスマート窓口はどこですか？");
		assertThat(console.text(By.id("preview-rows"))).contains("2行目").contains("新規").contains("3行目")
			.contains("取り込めません").contains("回答を入れてください");
		assertThat(console.text(By.id("count-refused"))).isEqualTo("1");
		assertThat(console.driver().findElements(By.id("confirm"))).as("nothing can be confirmed").isEmpty();
		screenshot(console, "faq-import-preview.png");

		Path workbook = profiles.resolve("faq.xlsx");
		try (XSSFWorkbook excel = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
			Sheet sheet = excel.createSheet("FAQ");
			List<List<String>> rows = List.of(List.of("質問", "言い換え", "回答", "自治体", "タグ"),
					List.of("多治見市のスマート窓口はどこですか？", "スマート窓口の場所\n書かない窓口", "本庁舎1階です。", "多治見市", "手続き、窓口"),
					List.of("多治見市の電子契約は使えますか？", "", "使えます。", "多治見市", ""));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			excel.write(out);
		}
		console.get("/admin/faq/import");
		console.driver().findElement(By.name("file")).sendKeys(workbook.toString());
		console.driver().findElement(By.id("preview")).click();
		console.waitForText(By.id("count-create"), "2");
		assertThat(editor.all()).as("a preview stores nothing").noneMatch(r -> r.content().question().contains("スマート窓口"));
		console.driver().findElement(By.id("confirm")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "「faq.xlsx」を取り込みました（新規 2 件、更新 0 件、変更なし 0 件）");
		assertThat(editor.all()).filteredOn(r -> "多治見市のスマート窓口はどこですか？".equals(r.content().question()))
			.singleElement().satisfies(r -> assertThat(r.content().alternates()).containsExactly("スマート窓口の場所", "書かない窓口"));

		Files.write(broken, """
				質問,回答,自治体
				多治見市の電子契約は使えますか？,使えます。事前の登録が要ります。,多治見市
				""".getBytes(Charset.forName("windows-31j")));
		console.get("/admin/faq/import");
		console.driver().findElement(By.name("file")).sendKeys(broken.toString());
		console.driver().findElement(By.id("preview")).click();
		console.waitForText(By.id("count-update"), "1");
		console.driver().findElement(By.id("confirm")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "更新 1 件");
		assertThat(editor.all()).filteredOn(r -> "多治見市の電子契約は使えますか？".equals(r.content().question()))
			.singleElement().satisfies(r -> assertThat(r.content().answer()).isEqualTo("使えます。事前の登録が要ります。"));
	}

	private void saveAnswer(ConsoleBrowser console, String id, String answer) {
		console.get("/admin/faq/entry?id=" + id);
		console.fill("answer", answer);
		console.driver().findElement(By.id("save")).click();
		console.waitForText(By.cssSelector("main .notice.ok"), "保存しました");
	}

	/** Reloads the entry's page until it shows the changed file (the folder is looked at every 0.2 s here). */
	private static String conflictShown(ConsoleBrowser console) {
		await().atMost(WAIT).until(() -> {
			console.get("/admin/faq/entry?id=tajimi/network");
			return !console.driver().findElements(By.id("file-conflict")).isEmpty();
		});
		return console.text(By.id("file-conflict"));
	}

	private static void seedNetwork(String answer) throws IOException {
		seed("tajimi/network.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				answer: %s
				municipality: 多治見市
				writtenByHand: true
				""".formatted(answer));
	}

	private String answer(String id) {
		return editor.find(id).orElseThrow().content().answer();
	}

	private static void assertNoAlert(ConsoleBrowser console) {
		try {
			console.driver().switchTo().alert();
			throw new AssertionError("a script in an FAQ entry ran");
		}
		catch (NoAlertPresentException expected) {
			// the script was shown as text
		}
	}

	private ConsoleBrowser browser() {
		ConsoleBrowser browser = ConsoleBrowser.open(profiles, port);
		opened.add(browser);
		return browser;
	}

	private static void screenshot(ConsoleBrowser console, String name) throws IOException {
		Files.copy(((TakesScreenshot) console.driver()).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, UTF_8);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static void seed(String relative, String content) {
		FaqSeedFolder.write(root, relative, content);
	}
}
