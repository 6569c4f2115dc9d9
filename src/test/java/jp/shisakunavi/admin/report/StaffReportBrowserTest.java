package jp.shisakunavi.admin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.ConsoleBrowser;
import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.MappingRow;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffDepartments;
import jp.shisakunavi.staff.StaffLinks;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.users.LineUserId;

/**
 * The report page in a real headless Chromium, opened by the signed link a staff member gets in LINE: a unit
 * saved as a draft and submitted, a submission without a rating refused with the typed text kept, a CP932 sheet
 * with a bad row refused whole and then taken, and a changed link opening nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffReportBrowserTest {

	static final String DEPARTMENT = "情報課";
	static final String PASSWORD = "staff-password-0123";

	@TempDir
	static Path dataDir;

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	static Round round;

	@BeforeAll
	static void openRound(@Autowired StaffDepartments departments, @Autowired Rounds rounds) {
		departments.importMapping("tajimi-4", List.of(new MappingRow(1, "tajimi-4-1-01", null, DEPARTMENT, null),
				new MappingRow(2, "tajimi-4-1-02", null, DEPARTMENT, null), new MappingRow(3, "tajimi-4-1-03", null, "企画防災課", null)),
				"test");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		round = rounds.open(new RoundDraft("多治見市", "tajimi-4", 2023, today.minusDays(1), today.plusDays(14),
				List.of("tajimi-4-1-01", "tajimi-4-1-02", "tajimi-4-1-03"), false, null), "test");
	}

	@LocalServerPort
	int port;

	@Autowired
	Invitations invitations;

	@Autowired
	StaffLinks links;

	@Autowired
	Obligations obligations;

	@Autowired
	Accounts accounts;

	ConsoleBrowser browser;

	@BeforeEach
	void open() {
		browser = ConsoleBrowser.open(profiles, port);
	}

	@AfterEach
	void close() {
		browser.close();
	}

	@Test
	void aStaffMemberReportsAUnitOnTheWebByTheLinkFromLine() {
		browser.get(pathOf(links.linkFor(member().id()).orElseThrow()));
		assertThat(browser.driver().getCurrentUrl()).endsWith(StaffLinks.PATH);
		assertThat(browser.main()).contains("進捗報告", "情報課", "第4次多治見市情報化計画 令和5年度", "未提出 2件／全2件",
				"防災情報伝達の多重化", "避難行動要支援者に係るシステムの運用", "前年度の評価 B（目標どおりに実施）")
			.doesNotContain("被災者支援システムの運用");

		Obligation unit = unit("tajimi-4-1-01");
		type(unit, "progress", "防災アプリの登録者が1万人を超えました。");
		click(unit, "提出する");
		assertThat(text(unit, "[role=alert]")).isEqualTo("評価を選んでください。");
		assertThat(field(unit, "progress").getAttribute("value")).isEqualTo("防災アプリの登録者が1万人を超えました。");
		assertThat(unit(unit.unitId()).status()).isEqualTo(ReportStatus.NOT_STARTED);

		new Select(field(unit, "rating")).selectByValue("A");
		type(unit, "issues", "高齢者の利用");
		click(unit, "下書き保存");
		assertThat(browser.text(By.id("message"))).contains("を下書き保存しました。");
		assertThat(unit(unit.unitId()).report().issues()).isEqualTo("高齢者の利用");

		click(unit(unit.unitId()), "提出する");
		assertThat(browser.text(By.id("message"))).contains("を提出しました。");
		Obligation submitted = unit(unit.unitId());
		assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(submitted.report().rating()).isEqualTo("A");
		assertThat(submitted.report().progress()).isEqualTo("防災アプリの登録者が1万人を超えました。");
		assertThat(browser.main()).contains("未提出 1件／全2件");
	}

	@Test
	void aSheetOfTheDepartmentIsCheckedRowByRowBeforeAnyIsSaved() throws Exception {
		browser.get(pathOf(links.linkFor(member().id()).orElseThrow()));
		Charset cp932 = Charset.forName("windows-31j");
		Path bad = profiles.resolve("bad.csv");
		Files.writeString(bad, "施策,評価,実績,課題\n避難行動要支援者に係るシステムの運用,B,名簿を更新しました。,\n"
				+ "被災者支援システムの運用,A,訓練を行いました。,\n防災情報伝達の多重化(戸別受信機・防災アプリ導入関連)に関する取組み,Z,配信を続けました。,\n", cp932);
		upload(bad);
		assertThat(browser.text(By.id("upload-problems"))).contains(
				"3行目：施策「被災者支援システムの運用」は、この部署が報告する施策にありません。",
				"4行目：評価「Z」はこの計画の凡例にありません");
		assertThat(unit("tajimi-4-1-02").status()).isEqualTo(ReportStatus.NOT_STARTED);

		Path good = profiles.resolve("good.csv");
		Files.writeString(good, "施策ID,評価,実績,課題\ntajimi-4-1-02,B,名簿を毎月更新しました。,システムの更新\n", cp932);
		upload(good);
		assertThat(browser.text(By.id("message"))).isEqualTo("1件を下書き保存しました。");
		Obligation saved = unit("tajimi-4-1-02");
		assertThat(saved.status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(saved.report().progress()).isEqualTo("名簿を毎月更新しました。");
		assertThat(saved.report().issues()).isEqualTo("システムの更新");
	}

	@Test
	void aSignedInStaffAccountFindsThePageInItsNavigation() {
		String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, AccountDraft.staff("多治見市", List.of(DEPARTMENT), StaffRole.REPORTER), PASSWORD);
		browser.signIn(username, PASSWORD);
		browser.get("/admin/staff/report");
		assertThat(browser.navigation()).contains("進捗報告");
		assertThat(browser.main()).contains("進捗報告", "情報課", "防災情報伝達の多重化", "避難行動要支援者に係るシステムの運用")
			.doesNotContain("被災者支援システムの運用");
	}

	@Test
	void aChangedOrMissingLinkOpensNothing() {
		String path = pathOf(links.linkFor(member().id()).orElseThrow());
		browser.get(path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA"));
		assertThat(browser.text(By.id("refusal"))).contains("有効期限が切れているか、正しくありません");
		browser.get(StaffLinks.PATH);
		assertThat(browser.text(By.id("refusal"))).contains("LINE の職員メニューのリンクから開いてください");
	}

	private StaffMember member() {
		String code = invitations.issue(new InvitationRequest("多治見市", List.of(DEPARTMENT), StaffRole.REPORTER, "web"), "test")
			.code();
		return ((Registration.Registered) invitations.register(LineUserId.of(LineWebhook.userId()), code)).member();
	}

	private Obligation unit(String unitId) {
		return obligations.ofRound(round.id()).stream().filter(o -> o.unitId().equals(unitId)).findFirst().orElseThrow();
	}

	private WebElement field(Obligation unit, String name) {
		return browser.driver().findElement(By.cssSelector("#unit-" + unit.id() + " [name=" + name + "]"));
	}

	private void type(Obligation unit, String name, String text) {
		WebElement field = field(unit, name);
		field.clear();
		field.sendKeys(text);
	}

	private String text(Obligation unit, String css) {
		return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#unit-" + unit.id() + " " + css)))
			.getText();
	}

	private void click(Obligation unit, String label) {
		browser.driver().findElement(By.xpath("//article[@id='unit-" + unit.id() + "']//button[.='" + label + "']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	private void upload(Path file) {
		browser.driver().findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
		browser.driver().findElement(By.cssSelector("#upload-form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	private static String pathOf(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}
}
