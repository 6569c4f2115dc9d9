package jp.shisakunavi.staff.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.line.LineChat;
import jp.shisakunavi.line.RichMenus;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.MappingRow;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.Review;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffDepartments;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.users.LineUserId;

/**
 * Staff in LINE, through the signed webhook and the fake LINE: registration with its refusals, the staff menu,
 * the report dialog with やめる and resume, a unit of another department refused with nothing stored, a double tap
 * of 提出する submitting once, and the 差戻し notice leading to a resubmission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffChatTest {

	static final String SECRET = "staff-chat-secret";
	static final String CITY = "多治見市";
	static final String OWN = "情報課";
	static final String OTHER = "企画防災課";
	/** Each test reports for a department of its own, so that none sees another's reports. */
	static final String RETURNS = "秘書広報課";
	static final String READS = "市民課";

	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("shisaku.delivery.poll-interval", () -> "200ms");
		fake.channel(registry, SECRET);
	}

	static Round round;

	/** 第4次 names no departments: the administrator's mapping gives its measures to four departments. */
	@BeforeAll
	static void openRound(@Autowired StaffDepartments departments, @Autowired Rounds rounds) {
		departments.importMapping("tajimi-4", List.of(new MappingRow(1, "tajimi-4-1-01", null, OWN, null),
				new MappingRow(2, "tajimi-4-1-02", null, OWN, null), new MappingRow(3, "tajimi-4-1-03", null, OTHER, null),
				new MappingRow(4, "tajimi-4-1-04", null, RETURNS, null), new MappingRow(5, "tajimi-4-1-05", null, READS, null),
				new MappingRow(6, "tajimi-4-1-06", null, READS, null)), "test");
		LocalDate today = LocalDate.now(StaffTexts.TOKYO);
		round = rounds.open(new RoundDraft(CITY, "tajimi-4", 2023, today.minusDays(1), today.plusDays(14),
				List.of("tajimi-4-1-01", "tajimi-4-1-02", "tajimi-4-1-03", "tajimi-4-1-04", "tajimi-4-1-05", "tajimi-4-1-06"),
				false, null), "test");
	}

	@LocalServerPort
	int port;

	@Autowired
	Invitations invitations;

	@Autowired
	StaffMembers members;

	@Autowired
	Obligations obligations;

	@Autowired
	Review review;

	@Autowired
	RichMenus menus;

	@Test
	void registersWithACodeSaysWhatForAndRefusesMistypedUsedAndRevoked() {
		LineChat chat = new LineChat(line, port, SECRET);
		assertThat(LineChat.texts(chat.say("職員登録 12345"))).contains("6桁の数字");
		assertThat(LineChat.texts(chat.say("職員登録 000000"))).contains("見つかりません");
		assertThat(LineChat.texts(chat.say("報告状況"))).contains("職員として登録されていません");

		String code = code(READS);
		String registered = LineChat.texts(chat.say("職員登録　" + toFullWidth(code)));
		assertThat(registered).contains("職員として登録しました", "多治見市 市民課（担当）");
		assertThat(menus.menuOf(LineUserId.of(chat.user)).name()).isEqualTo(StaffMenu.NAME);

		LineChat other = new LineChat(line, port, SECRET);
		assertThat(LineChat.texts(other.say("職員登録 " + code))).contains("すでに使われています");

		String status = LineChat.texts(chat.say("報告状況"));
		assertThat(status).contains("市民課の報告状況", "防犯カメラの設置に関する取組み：未着手", "避難所において求められる環境整備",
				"未提出 2件／全2件")
			.doesNotContain("被災者支援システム", "防災情報伝達の多重化");
		assertThat(LineChat.texts(chat.say("締切"))).contains("あと14日", "未提出 2件");
		assertThat(LineChat.texts(chat.say("多治見市"))).contains("多治見市を選びました。");

		members.revoke(members.active(LineUserId.of(chat.user)).orElseThrow().id());
		assertThat(LineChat.texts(chat.say("報告状況"))).contains("職員として登録されていません");
		assertThat(menus.menuOf(LineUserId.of(chat.user)).name()).isEqualTo("citizens");
	}

	@Test
	void reportsAUnitStepByStepLeavesAndResumesAndSubmitsOnceOnADoubleTap() {
		LineChat chat = registered(OWN);
		JsonNode choice = chat.say("報告する");
		assertThat(choice.toString()).contains("防災情報伝達の多重化", "避難行動要支援者").doesNotContain("被災者支援システム");

		JsonNode unit = chat.tap(choice, "防災情報伝達の多重化(戸別受信機・防災…");
		assertThat(LineChat.texts(unit)).contains("前年度の評価 B", "今年度の評価を選んでください。");
		assertThat(unit.toString()).contains("前年度（令和4年度）の評価 B（目標どおりに実施）");
		assertThat(quickReplies(unit)).containsExactly("A 目標以上に実施", "B 目標どおりに実施", "C 目標に向けて実施",
				"D 現状と変わらぬ", "◎ 達成を目標以上", "○ 目標どおりに達成", "▲ 廃止・中止", "やめる");

		JsonNode progress = chat.tap(unit, "A 目標以上に実施");
		assertThat(LineChat.texts(progress)).contains("実績", "2,000文字まで");
		assertThat(LineChat.texts(chat.say("あ".repeat(2001)))).contains("実績は2,000文字までです（今は2,001文字です）");
		assertThat(LineChat.texts(chat.say("防災アプリの登録者が増えました。"))).contains("課題");
		assertThat(LineChat.texts(chat.say("やめる"))).contains("下書きとして保存しています");

		Obligation draft = owned("tajimi-4-1-01");
		assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(draft.report().rating()).isEqualTo("A");
		assertThat(draft.report().progress()).isEqualTo("防災アプリの登録者が増えました。");
		assertThat(LineChat.texts(chat.say("防災アプリはいつから？"))).doesNotContain("課題");

		JsonNode resumed = chat.tap(chat.say("報告する"), "防災情報伝達の多重化(戸別受信機・防災…");
		assertThat(LineChat.texts(resumed)).contains("下書きの続きから", "課題");
		JsonNode confirmation = chat.say("戸別受信機の普及");
		assertThat(confirmation.toString()).contains("この内容で提出しますか？", "評価 A（目標以上に実施）", "防災アプリの登録者が増えました。",
				"戸別受信機の普及");

		String submit = LineChat.action(confirmation, "提出する").orElseThrow().path("data").asText();
		Map<String, Object> first = LineWebhook.postback(chat.user, submit);
		Map<String, Object> second = LineWebhook.postback(chat.user, submit);
		chat.post(first);
		chat.post(second);
		String answers = LineChat.texts(reply(first)) + "\n" + LineChat.texts(reply(second));
		assertThat(answers).contains("の報告を提出しました", "に提出済みです");
		Obligation submitted = owned("tajimi-4-1-01");
		assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(submitted.history().stream().filter(s -> s.status() == ReportStatus.SUBMITTED)).hasSize(1);
	}

	@Test
	void aUnitOfAnotherDepartmentIsRefusedWithNothingStored() {
		LineChat chat = registered(OWN);
		Obligation others = obligations.ofRound(round.id()).stream().filter(o -> o.department().equals(OTHER)).findFirst()
			.orElseThrow();
		String answer = LineChat.texts(chat.send(LineWebhook.postback(chat.user, "staff:report:" + others.id())));
		assertThat(answer).contains("「被災者支援システムの運用」は企画防災課の報告です。情報課の施策だけ報告できます。");
		assertThat(LineChat.texts(chat.send(LineWebhook.postback(chat.user, "staff:rating:" + others.id() + ":A"))))
			.contains("企画防災課の報告です");
		Obligation after = obligations.find(others.id()).orElseThrow();
		assertThat(after.version()).isEqualTo(others.version());
		assertThat(after.status()).isEqualTo(ReportStatus.NOT_STARTED);
	}

	@Test
	void aReturnedReportIsToldInLineWithTheCommentAndCanBeSubmittedAgain() {
		LineChat chat = registered(RETURNS);
		JsonNode unit = chat.tap(chat.say("報告する"), "防災ライブカメラの維持・運用");
		chat.tap(unit, "B 目標どおりに実施");
		chat.say("名簿の更新を毎月行いました。");
		JsonNode confirmation = chat.say("なし");
		assertThat(LineChat.texts(chat.tap(confirmation, "提出する"))).contains("提出しました");
		Obligation submitted = owned("tajimi-4-1-04");

		Actor coordinator = new Actor("a-1", "coordinator", "取りまとめ", Role.ADMIN, List.of(), List.of(), null);
		review.returnReport(StaffActor.of(coordinator), submitted.id(), submitted.version(), "成果の数字を入れてください。");

		await().atMost(Duration.ofSeconds(30)).until(() -> line.multicastRecipients().containsKey(chat.user));
		JsonNode notice = line.accepted("/v2/bot/message/multicast").stream()
			.map(FakeLine.Received::json)
			.filter(json -> json.path("to").toString().contains(chat.user))
			.findFirst().orElseThrow().path("messages");
		assertThat(LineChat.texts(notice)).contains("「防災ライブカメラの維持・運用」の報告が差し戻されました。",
				"コメント：成果の数字を入れてください。");

		JsonNode again = chat.tap(notice, "報告し直す");
		assertThat(again.toString()).contains("差戻しのコメント", "成果の数字を入れてください。");
		JsonNode resumed = chat.tap(again, "最初から");
		JsonNode progress = chat.tap(resumed, "B 目標どおりに実施");
		assertThat(LineChat.texts(progress)).contains("実績");
		chat.say("名簿の更新を毎月行い、登録者は1,204人になりました。");
		JsonNode resubmit = chat.say("なし");
		assertThat(LineChat.texts(chat.tap(resubmit, "提出する"))).contains("提出しました");
		Obligation after = owned("tajimi-4-1-04");
		assertThat(after.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(after.report().progress()).contains("1,204人");
		assertThat(line.multicastRecipients().get(chat.user)).isEqualTo(1);
	}

	private LineChat registered(String department) {
		LineChat chat = new LineChat(line, port, SECRET);
		assertThat(LineChat.texts(chat.say("職員登録 " + code(department)))).contains("職員として登録しました");
		return chat;
	}

	private String code(String department) {
		return invitations.issue(new InvitationRequest(CITY, List.of(department), StaffRole.REPORTER, "試験"), "test")
			.code();
	}

	private Obligation owned(String unitId) {
		return obligations.ofRound(round.id()).stream().filter(o -> o.unitId().equals(unitId)).findFirst().orElseThrow();
	}

	private JsonNode reply(Map<String, Object> event) {
		Object token = event.get("replyToken");
		await().atMost(Duration.ofSeconds(20)).until(() -> line.accepted("/v2/bot/message/reply").stream()
			.anyMatch(r -> r.replyToken().equals(token)));
		return line.accepted("/v2/bot/message/reply").stream().filter(r -> r.replyToken().equals(token)).findFirst()
			.orElseThrow().json().path("messages");
	}

	private static List<String> quickReplies(JsonNode messages) {
		return messages.get(messages.size() - 1).path("quickReply").path("items").findValuesAsText("label");
	}

	private static String toFullWidth(String digits) {
		return digits.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
	}
}
