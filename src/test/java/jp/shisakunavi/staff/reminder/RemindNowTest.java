package jp.shisakunavi.staff.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.users.LineUserId;

/**
 * 「今すぐ督促する」 on a Saturday night: the reporters of the departments that still owe get the reminder at once,
 * once however often it is asked for; a department that submitted everything gets nothing.
 */
@SpringBootTest
@Import(SimulatedClock.Configuration.class)
class RemindNowTest {

	static final String MULTICAST = "/v2/bot/message/multicast";

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
	}

	@Autowired
	SimulatedClock clock;

	@Autowired
	Invitations invitations;

	@Autowired
	Rounds rounds;

	@Autowired
	Obligations obligations;

	@Autowired
	Reports reports;

	@Autowired
	Deliveries deliveries;

	@Test
	void aReminderAskedForOnASaturdayNightGoesAtOnceToThoseWhoOweOnce() {
		clock.set(LocalDateTime.of(2026, 4, 4, 21, 30));
		LineUserId joho = LineUserId.of("U" + "1".repeat(32));
		register(joho, "情報課");
		StaffMember hisho = register(LineUserId.of("U" + "2".repeat(32)), "秘書広報課");
		Round round = rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, LocalDate.of(2026, 4, 1),
				LocalDate.of(2026, 5, 8), List.of("tajimi-3-1-01", "tajimi-3-3-02"), false, null), "admin");
		Obligation hishoOwes = obligations.ofRound(round.id()).stream()
			.filter(o -> o.department().equals("秘書広報課"))
			.findFirst()
			.orElseThrow();
		reports.submit(StaffActor.of(hisho), hishoOwes.id(), hishoOwes.version(),
				new ReportDraft("B", "予定どおり進めました。", "特にありません。", null));

		rounds.remindNow(round.id(), "coordinator");
		rounds.remindNow(round.id(), "coordinator");
		deliveries.wake();

		await().atMost(Duration.ofSeconds(30)).until(() -> !line.accepted(MULTICAST).isEmpty());
		clock.advance(Duration.ofSeconds(5));
		deliveries.wake();
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
			.until(() -> deliveries.find("STAFF-REMINDER:" + round.id() + ":2026-04-04:now:reporter").orElseThrow()
				.finished());
		List<FakeLine.Received> sent = line.accepted(MULTICAST);
		assertThat(sent).hasSize(1);
		assertThat(sent.getFirst().json().path("to")).extracting(node -> node.asText()).containsExactly(joho.value());
		assertThat(sent.getFirst().json().at("/messages/0/altText").asText()).startsWith("進捗報告のお願い");
	}

	@Test
	void aRoundNotOpenYetOrWithNothingOwedIsNotReminded() {
		clock.set(LocalDateTime.of(2026, 4, 6, 10, 0));
		Round later = rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, LocalDate.of(2026, 6, 1),
				LocalDate.of(2026, 6, 30), List.of("tajimi-3-1-01"), false, null), "admin");
		assertThatThrownBy(() -> rounds.remindNow(later.id(), "coordinator")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("始まります");
	}

	private StaffMember register(LineUserId user, String department) {
		String code = invitations.issue(new InvitationRequest("多治見市", List.of(department), StaffRole.REPORTER,
				department), "admin").code();
		Registration registration = invitations.register(user, code);
		assertThat(registration).isInstanceOf(Registration.Registered.class);
		return ((Registration.Registered) registration).member();
	}
}
