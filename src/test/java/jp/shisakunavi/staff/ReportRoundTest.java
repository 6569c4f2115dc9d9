package jp.shisakunavi.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.plan.EvaluationIntake;
import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.IntakeResult;
import jp.shisakunavi.plan.RatingsChanged;
import jp.shisakunavi.users.LineUserId;

/**
 * A report round from opening to publication: the obligations it derives, reports refused or taken, drafts kept
 * when the round changes, two reporters of one department, return and resubmission, approval, and the published
 * rating in the measure's public history — and nothing of it there before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
@Import(MovableClock.Configuration.class)
class ReportRoundTest {

	private static final AtomicInteger USERS = new AtomicInteger();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	@Autowired
	Invitations invitations;

	@Autowired
	Rounds rounds;

	@Autowired
	Obligations obligations;

	@Autowired
	Reports reports;

	@Autowired
	Review review;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TestRestTemplate http;

	@Autowired
	EvaluationIntake intake;

	@Autowired
	StaffDepartments departments;

	@Test
	void aRoundOwesOneReportPerUnitAndDepartmentWhereThePlanRatesPerDepartment() {
		Round round = openTajimi3(false);

		assertThat(obligations.ofRound(round.id()))
			.filteredOn(o -> o.unitId().equals("tajimi-3-1-01") || o.unitId().equals("tajimi-3-1-02"))
			.extracting(Obligation::unitId, Obligation::department, Obligation::status)
			.containsExactlyInAnyOrder(tuple("tajimi-3-1-01", "秘書広報課", ReportStatus.NOT_STARTED),
					tuple("tajimi-3-1-02", "秘書広報課", ReportStatus.NOT_STARTED),
					tuple("tajimi-3-1-02", "福祉課", ReportStatus.NOT_STARTED));
		assertThat(obligations.owed(round.id(), "福祉課")).extracting(Obligation::unitId).contains("tajimi-3-1-02")
			.doesNotContain("tajimi-3-1-01");
	}

	@Test
	void changingTheRoundKeepsTheReportsAlreadyMade() {
		Round round = openTajimi3(false);
		StaffMember reporter = member("秘書広報課", StaffRole.REPORTER);
		Obligation sns = obligation(round, "tajimi-3-1-01", "秘書広報課");
		reports.saveDraft(StaffActor.of(reporter), sns.id(), 0, new ReportDraft("B", "週1回以上発信しました。", null, null));

		Round narrowed = rounds.change(round.id(), 1, draft(round, List.of("tajimi-3-1-02"), false), "admin");
		assertThat(obligations.ofRound(round.id())).extracting(Obligation::unitId).containsOnly("tajimi-3-1-02");
		assertThat(obligations.find(sns.id())).get().satisfies(o -> {
			assertThat(o.withdrawn()).isTrue();
			assertThat(o.report().progress()).isEqualTo("週1回以上発信しました。");
		});

		rounds.change(round.id(), narrowed.version(), draft(round, List.of(), false), "admin");
		assertThat(obligations.find(sns.id())).get().satisfies(o -> {
			assertThat(o.withdrawn()).isFalse();
			assertThat(o.status()).isEqualTo(ReportStatus.DRAFT);
			assertThat(o.report().rating()).isEqualTo("B");
		});
		assertThatThrownBy(() -> rounds.change(round.id(), 1, draft(round, List.of(), true), "admin"))
			.isInstanceOf(StaleRound.class);
	}

	@Test
	void reportsThatMayNotBeTakenAreRefusedWithNothingStored() {
		Round round = openTajimi3(false);
		StaffMember welfare = member("福祉課", StaffRole.REPORTER);
		Obligation sns = obligation(round, "tajimi-3-1-01", "秘書広報課");
		StaffMember press = member("秘書広報課", StaffRole.REPORTER);

		assertThatThrownBy(() -> reports.submit(StaffActor.of(welfare), sns.id(), 0,
				new ReportDraft("A", "実績", null, null)))
			.isInstanceOf(ReportRefused.class)
			.hasMessage("「公聴広報におけるSNSの活用」は秘書広報課の報告です。福祉課の施策だけ報告できます。");
		assertThatThrownBy(() -> reports.submit(StaffActor.of(press), sns.id(), 0, new ReportDraft("E", "実績", null, null)))
			.isInstanceOf(ReportRefused.class)
			.hasMessageStartingWith("評価「E」はこの計画の凡例にありません。使える評価: A（目標以上に実施できている）");
		assertThatThrownBy(() -> reports.submit(StaffActor.of(press), sns.id(), 0,
				new ReportDraft("A", "あ".repeat(Reports.MAX_TEXT_LENGTH + 1), null, null)))
			.isInstanceOf(ReportRefused.class)
			.hasMessage("実績は2,000文字までです（今は2,001文字です）。短くしてから、もう一度送ってください。");
		assertThatThrownBy(() -> reports.submit(StaffActor.of(press), sns.id(), 0, new ReportDraft("A", null, null, null)))
			.hasMessage("実績を書いてください。");

		assertThat(obligations.find(sns.id())).get().satisfies(o -> {
			assertThat(o.version()).isZero();
			assertThat(o.history()).isEmpty();
			assertThat(o.status()).isEqualTo(ReportStatus.NOT_STARTED);
		});
		assertThat(reports.submit(StaffActor.of(press), sns.id(), 0,
				new ReportDraft("ａ", "あ".repeat(Reports.MAX_TEXT_LENGTH), null, null)).report().rating())
			.as("the limit itself is taken, and the rating is read as the legend writes it")
			.isEqualTo("A");
	}

	@Test
	void relatedDepartmentsCommentWithoutChangingTheReportAndOthersMayNot() {
		departments.importMapping("tajimi-4", List.of(new MappingRow(2, "tajimi-4-1-01", null, "情報課", "秘書広報課")), "admin");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
		Round round = rounds.open(new RoundDraft("多治見市", "tajimi-4", 2023, today, today.plusDays(7),
				List.of("tajimi-4-1-01"), false, null), "admin");
		Obligation apps = obligation(round, "tajimi-4-1-01", "情報課");
		StaffMember related = member("秘書広報課", StaffRole.REPORTER);
		StaffMember stranger = member("福祉課", StaffRole.REPORTER);
		assertThat(apps.commenting()).containsExactly("秘書広報課");
		assertThat(apps.previous()).as("last year's rating with its meaning").isNotNull()
			.satisfies(p -> assertThat(p.fiscalYear()).isEqualTo(2022));

		Obligation commented = reports.remark(StaffActor.of(related), apps.id(), "広報アプリとの連携も書いてください");

		assertThat(commented.remarks()).singleElement().satisfies(r -> {
			assertThat(r.department()).isEqualTo("秘書広報課");
			assertThat(r.text()).isEqualTo("広報アプリとの連携も書いてください");
		});
		assertThat(commented.version()).isZero();
		assertThatThrownBy(() -> reports.remark(StaffActor.of(stranger), apps.id(), "意見"))
			.isInstanceOf(ReportRefused.class)
			.hasMessageContaining("関係課（");
	}

	@Test
	void theSecondOfTwoSavesOfTheSameVersionIsRefusedWithWhatChanged() {
		Round round = openTajimi3(false);
		Obligation voice = obligation(round, "tajimi-3-1-02", "福祉課");
		StaffMember first = member("福祉課", StaffRole.REPORTER);
		StaffMember second = member("福祉課", StaffRole.REPORTER);

		reports.saveDraft(StaffActor.of(first), voice.id(), 0, new ReportDraft("B", "声の広報を毎号発行しました。", null, null));

		assertThatThrownBy(() -> reports.saveDraft(StaffActor.of(second), voice.id(), 0,
				new ReportDraft("C", "別の内容", null, null)))
			.isInstanceOfSatisfying(StaleReport.class, e -> {
				assertThat(e.changed()).containsExactly("評価", "実績", "状況（下書き）");
				assertThat(e.current().report().progress()).isEqualTo("声の広報を毎号発行しました。");
				assertThat(e.getMessage()).contains("福祉課 担当が更新しています（変わった項目: 評価・実績・状況（下書き））");
			});
		assertThat(obligations.find(voice.id())).get().extracting(o -> o.report().rating()).isEqualTo("B");
	}

	@Test
	void aReportAfterTheDueDateIsTakenAndMarkedLate() {
		Round round = openTajimi3(false);
		Obligation voice = obligation(round, "tajimi-3-1-02", "秘書広報課");
		StaffMember press = member("秘書広報課", StaffRole.REPORTER);
		clock.advance(Duration.ofDays(8));

		Obligation submitted = reports.submit(StaffActor.of(press), voice.id(), 0,
				new ReportDraft("B", "音声データを公開しました。", "利用者の把握", null));

		assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(submitted.late()).isTrue();
		assertThat(obligations.owed(round.id(), "秘書広報課")).extracting(Obligation::id).doesNotContain(voice.id());
	}

	@Test
	void returnedResubmittedApprovedAndPublishedReportsReachThePublicHistoryOnlyThen() {
		Round round = openTajimi3(true);
		Obligation sns = obligation(round, "tajimi-3-1-01", "秘書広報課");
		StaffMember reporter = member("秘書広報課", StaffRole.REPORTER);
		StaffMember head = member("秘書広報課", StaffRole.HEAD);
		StaffMember coordinator = member("情報課", StaffRole.COORDINATOR);

		Obligation submitted = reports.submit(StaffActor.of(reporter), sns.id(), 0,
				new ReportDraft("C", "SNS の発信を見直しました。", "閲覧数が伸びていません", null));
		assertThatThrownBy(() -> review.approve(StaffActor.of(coordinator), sns.id(), submitted.version()))
			.as("the head approves first in this round")
			.isInstanceOf(ReportRefused.class);
		assertThat(history("tajimi-3-1-01")).as("nothing is public before publication")
			.noneMatch(e -> "C".equals(e.get("newRating")));

		Obligation returned = review.returnReport(StaffActor.of(head), sns.id(), submitted.version(), "閲覧数を書いてください");
		assertThat(events.stream(ReportReturned.class)).singleElement().satisfies(e -> {
			assertThat(e.obligationId()).isEqualTo(sns.id());
			assertThat(e.reporter()).isEqualTo(reporter.lineUser());
			assertThat(e.comment()).isEqualTo("閲覧数を書いてください");
		});
		assertThat(obligations.owed(round.id(), "秘書広報課")).extracting(Obligation::id).contains(sns.id());

		Obligation again = reports.submit(StaffActor.of(reporter), sns.id(), returned.version(),
				new ReportDraft("C", "SNS の発信を見直しました。閲覧数は月1万件です。", "閲覧数が伸びていません", null));
		Obligation byHead = review.approveAsHead(StaffActor.of(head), sns.id(), again.version());
		Obligation approved = review.approve(StaffActor.of(coordinator), sns.id(), byHead.version());
		assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
		assertThat(history("tajimi-3-1-01")).noneMatch(e -> "C".equals(e.get("newRating")));

		Publication publication = review.publish(StaffActor.of(coordinator), round.id());

		assertThat(publication.published()).extracting(Obligation::id).containsExactly(sns.id());
		assertThat(publication.ratingChanges()).isEqualTo(1);
		assertThat(history("tajimi-3-1-01")).filteredOn(e -> "C".equals(e.get("newRating"))).singleElement()
			.satisfies(e -> {
				assertThat(e.get("department")).isEqualTo("秘書広報課");
				assertThat(e.get("oldRating")).isEqualTo("A");
				assertThat(e.get("comment")).isEqualTo("SNS の発信を見直しました。閲覧数は月1万件です。");
			});
		Obligation published = obligations.find(sns.id()).orElseThrow();
		assertThat(published.history()).extracting(ReportStep::status)
			.containsExactly(ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.SUBMITTED,
					ReportStatus.HEAD_APPROVED, ReportStatus.APPROVED, ReportStatus.PUBLISHED);
		assertThat(published.history().get(1).comment()).isEqualTo("閲覧数を書いてください");
		assertThat(review.publish(StaffActor.of(coordinator), round.id()).published()).as("published once").isEmpty();
		assertThat(events.stream(RatingsChanged.class).flatMap(e -> e.changeIds().stream()))
			.as("citizens following the unit are notified through the intake's event, once").hasSize(1);
	}

	@Test
	void aPublicationRepeatedAfterACrashRecordsTheRatingChangeOnce() {
		Round round = openTajimi3(false);
		Obligation voice = obligation(round, "tajimi-3-1-02", "福祉課");
		StaffMember reporter = member("福祉課", StaffRole.REPORTER);
		StaffMember coordinator = member("情報課", StaffRole.COORDINATOR);
		Obligation submitted = reports.submit(StaffActor.of(reporter), voice.id(), 0,
				new ReportDraft("C", "点字版の発行を始めました。", null, null));
		Obligation approved = review.approve(StaffActor.of(coordinator), voice.id(), submitted.version());
		// The first publication reached the intake, then the process died before the report was marked published.
		IntakeResult first = intake.submit(List.of(new EvaluationRow(1, "多治見市", "tajimi-3", "tajimi-3-1-02", null,
				"2019", "C", "福祉課", "点字版の発行を始めました。")), false, "staff:" + voice.id() + ":v" + approved.version());
		assertThat(first.recorded()).isEqualTo(1);

		Publication again = review.publish(StaffActor.of(coordinator), round.id());

		assertThat(again.published()).extracting(Obligation::id).containsExactly(voice.id());
		assertThat(history("tajimi-3-1-02")).as("the same Idempotency-Key gets the first answer, nothing recorded twice").filteredOn(e -> "C".equals(e.get("newRating")) && "福祉課".equals(e.get("department")))
			.hasSize(1);
	}

	private List<Map<String, Object>> history(String unitId) {
		return http.exchange("/api/measures/" + unitId + "/history", HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
	}

	private Round openTajimi3(boolean headApprovalFirst) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
		return rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, today, today.plusDays(7), List.of(),
				headApprovalFirst, null), "admin");
	}

	private static RoundDraft draft(Round round, List<String> units, boolean headApprovalFirst) {
		return new RoundDraft(round.municipality(), round.planId(), round.fiscalYear(), round.opensOn(), round.dueOn(),
				units, headApprovalFirst, round.ladder());
	}

	private Obligation obligation(Round round, String unitId, String department) {
		return obligations.ofRound(round.id()).stream()
			.filter(o -> o.unitId().equals(unitId) && o.department().equals(department))
			.findFirst()
			.orElseThrow();
	}

	private StaffMember member(String department, StaffRole role) {
		IssuedInvitation issued = invitations.issue(new InvitationRequest("多治見市", List.of(department), role, null), "admin");
		LineUserId user = LineUserId.of("U%032d".formatted(USERS.incrementAndGet()));
		return ((Registration.Registered) invitations.register(user, issued.code())).member();
	}
}
