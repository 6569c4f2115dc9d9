package jp.shisakunavi.staff.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.line.LineChat;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.ReportStep;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.users.LineUserId;

/**
 * A return stored without its notice ordered — the service crashed in between — is still told: the sweep of the
 * last day's returns orders it, once.
 */
@SpringBootTest
class ReturnSweepTest {

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
		registry.add("shisaku.staff.return-sweep", () -> "1s");
	}

	@Autowired
	Invitations invitations;

	@Autowired
	Rounds rounds;

	@Autowired
	Obligations obligations;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aReturnWhoseNoticeWasNeverOrderedIsToldByTheSweepOnce() {
		LineUserId reporter = LineUserId.of("U" + "3".repeat(32));
		String code = invitations.issue(new InvitationRequest("多治見市", List.of("情報課"), StaffRole.REPORTER, "試験"),
				"admin").code();
		assertThat(invitations.register(reporter, code)).isInstanceOf(Registration.Registered.class);
		LocalDate today = LocalDate.now(StaffTexts.TOKYO);
		Round round = rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, today.minusDays(1), today.plusDays(14),
				List.of("tajimi-3-3-02"), false, null), "admin");
		Obligation owed = obligations.ofRound(round.id()).getFirst();

		// what a return writes, without the event that orders its notice
		ReportStep step = new ReportStep(owed.version() + 1, ReportStatus.RETURNED, "a-1", "取りまとめ", Instant.now(),
				new ReportDraft("B", "実施しました。", "なし", null), "成果の数字を入れてください。");
		mongo.updateFirst(Query.query(where("_id").is(owed.id())), new Update().set("status", ReportStatus.RETURNED)
			.set("reporterLineUserId", reporter.value())
			.set("returnComment", "成果の数字を入れてください。")
			.push("history", step)
			.inc("version", 1), Obligation.class);

		await().atMost(Duration.ofSeconds(30)).until(() -> line.multicastRecipients().containsKey(reporter.value()));
		// the sweep runs every second and orders the same delivery each time: it is sent once
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> line.multicastRecipients().get(reporter.value()) == 1);
		String notice = LineChat.texts(line.accepted("/v2/bot/message/multicast").getFirst().json().path("messages"));
		assertThat(notice).contains("の報告が差し戻されました。", "コメント：成果の数字を入れてください。");
	}
}
