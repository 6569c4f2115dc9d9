package jp.shisakunavi.staff.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryState;
import jp.shisakunavi.delivery.DeliveryStatus;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.ReminderStep;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.users.LineUserId;

/**
 * A fiscal year of 多治見市 on a simulated clock, day by day: two rounds over three departments, one across Golden
 * Week with the default ladder, one across the year-end closure with a ladder of its own. Every morning the day's
 * reminders are decided; each staff member gets one message on exactly the expected business days, sent in office
 * hours, through the fake LINE (which fails some requests on the way); departments that submitted, a revoked member
 * and everyone after the last report get nothing; heads and the coordinating department are reached as the ladder
 * escalates.
 */
@SpringBootTest
@Import(SimulatedClock.Configuration.class)
class SimulatedYearTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final String HISHO = "秘書広報課";
	static final String JOHO = "情報課";
	static final String KIKAKU = "企画防災課";
	static final List<String> UNITS = List.of("tajimi-3-1-01", "tajimi-3-1-03", "tajimi-3-2-02", "tajimi-3-3-02");
	static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();
	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", dataDir::toString);
		line.connect(registry);
		registry.add("shisaku.delivery.poll-interval", () -> "100ms");
		registry.add("shisaku.delivery.retry-backoff", () -> "100ms");
	}

	@Autowired
	SimulatedClock clock;

	@Autowired
	Invitations invitations;

	@Autowired
	StaffMembers members;

	@Autowired
	Rounds rounds;

	@Autowired
	Obligations obligations;

	@Autowired
	Reports reports;

	@Autowired
	Deliveries deliveries;

	@Autowired
	ReminderSchedule schedule;

	final Map<String, StaffMember> staff = new HashMap<>();
	final Map<String, String> names = new HashMap<>();
	final Set<String> seen = new HashSet<>();
	/** What each staff member got, by day and name. */
	final Map<String, JsonNode> received = new HashMap<>();

	@Test
	void aYearOfTwoRoundsRemindsEachStaffMemberOnExactlyTheExpectedBusinessDays() {
		clock.set(LocalDateTime.of(2026, 3, 25, 10, 0));
		register("hisho1", StaffRole.REPORTER, HISHO);
		register("hisho2", StaffRole.REPORTER, HISHO);
		register("joho1", StaffRole.REPORTER, JOHO);
		register("kikaku1", StaffRole.REPORTER, KIKAKU);
		register("both", StaffRole.REPORTER, JOHO, KIKAKU);
		register("headHisho", StaffRole.HEAD, HISHO);
		register("headJoho", StaffRole.HEAD, JOHO);
		register("headKikaku", StaffRole.HEAD, KIKAKU);
		register("coord", StaffRole.COORDINATOR, JOHO);
		Round spring = rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, LocalDate.of(2026, 4, 1),
				LocalDate.of(2026, 5, 8), UNITS, false, null), "admin");
		Round winter = rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, LocalDate.of(2026, 12, 1),
				LocalDate.of(2027, 1, 6), UNITS, false, List.of(
						new ReminderStep(ReminderStep.Moment.BEFORE_DUE, 3, List.of(StaffRole.REPORTER)),
						new ReminderStep(ReminderStep.Moment.DUE_DAY, 0, List.of(StaffRole.REPORTER)))), "admin");
		assertThat(obligations.ofRound(spring.id())).extracting(o -> o.unitId() + " " + o.department())
			.containsExactlyInAnyOrder("tajimi-3-1-01 秘書広報課", "tajimi-3-1-03 企画防災課", "tajimi-3-1-03 秘書広報課",
					"tajimi-3-1-03 情報課", "tajimi-3-2-02 企画防災課", "tajimi-3-3-02 情報課");

		Map<LocalDate, Set<String>> expected = new TreeMap<>();
		expected.put(LocalDate.of(2026, 4, 1), Set.of("hisho1", "hisho2", "joho1", "kikaku1", "both"));
		expected.put(LocalDate.of(2026, 4, 20), Set.of("hisho1", "hisho2", "joho1", "kikaku1", "both"));
		expected.put(LocalDate.of(2026, 4, 30), Set.of("hisho1", "hisho2", "kikaku1", "both"));
		expected.put(LocalDate.of(2026, 5, 8), Set.of("hisho1", "kikaku1", "both"));
		expected.put(LocalDate.of(2026, 5, 12), Set.of("hisho1", "kikaku1", "both", "headHisho", "headKikaku"));
		expected.put(LocalDate.of(2026, 5, 14), Set.of("hisho1", "headHisho"));
		expected.put(LocalDate.of(2026, 5, 15), Set.of("coord"));
		expected.put(LocalDate.of(2026, 5, 18), Set.of("hisho1", "headHisho", "coord"));
		expected.put(LocalDate.of(2026, 12, 28), Set.of("hisho1", "joho1", "kikaku1", "both"));
		expected.put(LocalDate.of(2027, 1, 6), Set.of("kikaku1", "both"));

		Map<LocalDate, Runnable> afternoon = new HashMap<>();
		afternoon.put(LocalDate.of(2026, 4, 20), () -> line.fail(MULTICAST, 2, 500, Duration.ZERO));
		afternoon.put(LocalDate.of(2026, 4, 24), () -> submit(spring, "joho1", JOHO, "tajimi-3-1-03", "tajimi-3-3-02"));
		afternoon.put(LocalDate.of(2026, 4, 29), () -> line.fail(MULTICAST, 1, 429, Duration.ZERO));
		afternoon.put(LocalDate.of(2026, 5, 1), () -> members.revoke(staff.get("hisho2").id()));
		afternoon.put(LocalDate.of(2026, 5, 11), () -> submit(spring, "hisho1", HISHO, "tajimi-3-1-01"));
		afternoon.put(LocalDate.of(2026, 5, 13), () -> submit(spring, "kikaku1", KIKAKU, "tajimi-3-1-03", "tajimi-3-2-02"));
		afternoon.put(LocalDate.of(2026, 5, 19), () -> submit(spring, "hisho1", HISHO, "tajimi-3-1-03"));
		afternoon.put(LocalDate.of(2027, 1, 5), () -> {
			submit(winter, "joho1", JOHO, "tajimi-3-1-03", "tajimi-3-3-02");
			submit(winter, "hisho1", HISHO, "tajimi-3-1-01", "tajimi-3-1-03");
		});
		afternoon.put(LocalDate.of(2027, 1, 6), () -> submit(winter, "both", KIKAKU, "tajimi-3-1-03", "tajimi-3-2-02"));

		Map<LocalDate, Set<String>> reminded = new TreeMap<>();
		for (LocalDate day = LocalDate.of(2026, 3, 30); !day.isAfter(LocalDate.of(2027, 3, 31)); day = day.plusDays(1)) {
			Set<String> got = morningOf(day);
			if (!got.isEmpty()) {
				reminded.put(day, got);
			}
			if (afternoon.containsKey(day)) {
				clock.set(day.atTime(12, 0));
				afternoon.get(day).run();
			}
		}

		assertThat(reminded).isEqualTo(expected);
		assertThat(line.requests(MULTICAST).stream().map(FakeLine.Received::status).distinct())
			.as("LINE's failures were retried").contains(500, 429);

		JsonNode opening = received.get("2026-04-01 hisho1");
		assertThat(opening.at("/altText").asText())
			.isEqualTo("進捗報告のお願い：秘書広報課の未提出は2件です。期限は5月8日(金)です。");
		assertThat(opening.at("/contents/body/contents").findValuesAsText("data")).containsExactly(
				"staff:report:" + obligation(spring, "tajimi-3-1-01", HISHO).id(),
				"staff:report:" + obligation(spring, "tajimi-3-1-03", HISHO).id());
		assertThat(received.get("2026-04-01 both").at("/altText").asText()).as("one message for both departments")
			.isEqualTo("進捗報告のお願い：企画防災課・情報課の未提出は4件です。期限は5月8日(金)です。");
		assertThat(received.get("2026-04-30 both").at("/contents/body/contents").findValuesAsText("data"))
			.as("情報課 has submitted").containsExactly(
				"staff:report:" + obligation(spring, "tajimi-3-1-03", KIKAKU).id(),
				"staff:report:" + obligation(spring, "tajimi-3-2-02", KIKAKU).id());
		assertThat(received.get("2026-05-08 hisho1").at("/altText").asText())
			.isEqualTo("進捗報告のお願い：本日が期限です。秘書広報課の未提出は2件です。");
		JsonNode head = received.get("2026-05-14 headHisho");
		assertThat(head.at("/altText").asText())
			.isEqualTo("進捗報告の期限超過（所属長の方へ）：期限の5月8日(金)を過ぎています。秘書広報課の未提出は1件です。");
		assertThat(head.at("/contents/body/contents").findValuesAsText("data")).as("heads report nothing").isEmpty();
		assertThat(received.get("2026-05-15 coord").at("/altText").asText())
			.isEqualTo("未提出の課があります（取りまとめ）：期限の5月8日(金)を5営業日過ぎて、1課の1件が未提出です。");
		assertThat(received.get("2026-05-15 coord").at("/contents/body/contents").findValuesAsText("text"))
			.contains("秘書広報課：1件");
		assertThat(received.get("2026-12-28 hisho1").at("/altText").asText()).as("across the year-end closure")
			.isEqualTo("進捗報告のお願い：秘書広報課の未提出は2件です。期限は1月6日(水)です。");
		assertThat(deliveries.find("STAFF-REMINDER:" + spring.id() + ":2026-05-12:overdue-2:head")).isPresent();
	}

	/**
	 * Decides the day's reminders at 07:00 and, when there are any, opens the office: what each staff member got
	 * that day, each once, and only from 08:30 on.
	 */
	private Set<String> morningOf(LocalDate day) {
		clock.set(day.atTime(7, 0));
		schedule.run(clock.instant());
		List<DeliveryStatus> ordered = deliveries.recent(1000).stream()
			.filter(d -> d.kind().equals(ReminderWave.KIND) && seen.add(d.id()))
			.toList();
		if (ordered.isEmpty()) {
			return Set.of();
		}
		Instant opening = day.atTime(8, 30).atZone(SimulatedClock.TOKYO_ZONE).toInstant();
		assertThat(ordered).as(day.toString()).allSatisfy(d -> {
			assertThat(d.id()).contains(":" + day + ":");
			assertThat(d.window()).isEqualTo(OfficeHours.NAME);
			assertThat(d.notBefore()).isEqualTo(opening);
		});
		int before = line.accepted(MULTICAST).size();
		clock.set(day.atTime(10, 0));
		deliveries.wake();
		// time goes on while LINE's failures are retried after their back-off
		await().atMost(WAIT).until(() -> clock.advance(Duration.ofSeconds(1)) != null && ordered.stream()
			.allMatch(d -> deliveries.find(d.id()).orElseThrow().finished()));
		Instant closing = day.atTime(LocalTime.of(17, 15)).atZone(SimulatedClock.TOKYO_ZONE).toInstant();
		for (DeliveryStatus d : ordered) {
			DeliveryStatus sent = deliveries.find(d.id()).orElseThrow();
			assertThat(sent.state()).as(sent.id()).isEqualTo(DeliveryState.SENT);
			assertThat(sent.plannedAt()).as("planned from the opening on").isAfterOrEqualTo(opening);
			assertThat(sent.finishedAt()).isBefore(closing);
		}
		List<FakeLine.Received> requests = line.accepted(MULTICAST);
		List<String> got = new ArrayList<>();
		for (FakeLine.Received request : requests.subList(before, requests.size())) {
			request.json().path("to").forEach(to -> {
				String name = names.get(to.asText());
				got.add(name);
				received.put(day + " " + name, request.json().at("/messages/0"));
			});
		}
		assertThat(got).as("one message each on " + day).doesNotHaveDuplicates();
		return got.stream().collect(Collectors.toSet());
	}

	private void register(String name, StaffRole role, String... departments) {
		String code = invitations.issue(new InvitationRequest("多治見市", List.of(departments), role, name), "admin").code();
		LineUserId user = LineUserId.of(String.format("U%032x", name.hashCode() & 0xffffffffL));
		Registration registration = invitations.register(user, code);
		assertThat(registration).isInstanceOf(Registration.Registered.class);
		staff.put(name, ((Registration.Registered) registration).member());
		names.put(user.value(), name);
	}

	private void submit(Round round, String name, String department, String... units) {
		for (String unit : units) {
			Obligation owed = obligation(round, unit, department);
			reports.submit(StaffActor.of(staff.get(name)), owed.id(), owed.version(),
					new ReportDraft("B", "予定どおり進めました。", "特にありません。", null));
		}
	}

	private Obligation obligation(Round round, String unit, String department) {
		return obligations.ofRound(round.id()).stream()
			.filter(o -> o.unitId().equals(unit) && o.department().equals(department))
			.findFirst()
			.orElseThrow();
	}
}
