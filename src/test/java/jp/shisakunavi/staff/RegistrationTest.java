package jp.shisakunavi.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;

/** Staff registering in LINE with an invitation's code: once, by one person, before it expires, unless revoked. */
@SpringBootTest
@RecordApplicationEvents
@Import(MovableClock.Configuration.class)
class RegistrationTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("shisaku.staff.line-basic-id", () -> "@123abcde");
	}

	@Autowired
	Invitations invitations;

	@Autowired
	StaffMembers members;

	@Autowired
	LineUsers users;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void aCodeRegistersOnePersonForWhatTheInvitationSays() {
		IssuedInvitation issued = invitations.issue(
				new InvitationRequest("多治見市", List.of("情報課"), StaffRole.REPORTER, "多治見 太郎"), "admin");
		LineUserId taro = LineUserId.of("U" + "1".repeat(32));

		assertThat(issued.code()).matches("[0-9]{6}");
		assertThat(issued.message()).isEqualTo("職員登録 " + issued.code());
		assertThat(issued.link()).isEqualTo("https://line.me/R/oaMessage/%40123abcde/?%E8%81%B7%E5%93%A1%E7%99%BB%E9%8C%B2%20"
				+ issued.code());
		Document stored = mongo.getCollection("staff_invitations").find(new Document("_id", issued.invitation().id())).first();
		assertThat(stored.toJson()).as("only a hash of the code is kept").doesNotContain(issued.code());

		Registration first = invitations.register(taro, toFullWidth(issued.code()));
		assertThat(first).isInstanceOfSatisfying(Registration.Registered.class, r -> {
			assertThat(r.member().municipality()).isEqualTo("多治見市");
			assertThat(r.member().departments()).containsExactly("情報課");
			assertThat(r.member().role()).isEqualTo(StaffRole.REPORTER);
			assertThat(r.member().description()).isEqualTo("多治見市 情報課（担当）");
		});
		StaffMember member = ((Registration.Registered) first).member();
		assertThat(invitations.register(taro, issued.code())).as("the same person sending it twice")
			.isInstanceOfSatisfying(Registration.Registered.class, r -> assertThat(r.member().id()).isEqualTo(member.id()));
		assertThat(members.active(taro)).map(StaffMember::id).contains(member.id());
		assertThat(members.active("多治見市", "情報課", StaffRole.REPORTER)).extracting(StaffMember::id)
			.contains(member.id());
		assertThat(members.active("多治見市", "福祉課", StaffRole.REPORTER)).extracting(StaffMember::id)
			.doesNotContain(member.id());
		assertThat(events.stream(StaffRegistered.class)).containsExactly(new StaffRegistered(member.id(), taro));

		LineUserId other = LineUserId.of("U" + "2".repeat(32));
		assertThat(invitations.register(other, issued.code())).isInstanceOfSatisfying(Registration.Refused.class,
				r -> assertThat(r.reason()).isEqualTo(Registration.Reason.USED));
		assertThat(members.active(other)).isEmpty();
	}

	@Test
	void expiredMistypedAndRevokedCodesAreRefusedWithTheirReason() {
		LineUserId user = LineUserId.of("U" + "3".repeat(32));
		IssuedInvitation expiring = invitations.issue(
				new InvitationRequest("多治見市", List.of("福祉課"), StaffRole.HEAD, null), "admin");
		IssuedInvitation revoked = invitations.issue(
				new InvitationRequest("多治見市", List.of("福祉課"), StaffRole.REPORTER, null), "admin");
		invitations.revoke(revoked.invitation().id());
		clock.advance(Duration.ofDays(14).plusMinutes(1));

		assertThat(invitations.register(user, expiring.code())).isInstanceOfSatisfying(Registration.Refused.class, r -> {
			assertThat(r.reason()).isEqualTo(Registration.Reason.EXPIRED);
			assertThat(r.message()).contains("有効期限").contains("再発行");
		});
		assertThat(invitations.register(user, revoked.code())).isInstanceOfSatisfying(Registration.Refused.class,
				r -> assertThat(r.reason()).isEqualTo(Registration.Reason.REVOKED));
		assertThat(invitations.register(user, "12345")).isInstanceOfSatisfying(Registration.Refused.class,
				r -> assertThat(r.reason()).isEqualTo(Registration.Reason.NOT_A_CODE));

		IssuedInvitation again = invitations.reissue(expiring.invitation().id());
		assertThat(again.code()).isNotEqualTo(expiring.code());
		assertThat(invitations.register(user, again.code())).isInstanceOf(Registration.Registered.class);
		assertThat(members.active(user)).map(StaffMember::role).contains(StaffRole.HEAD);
	}

	@Test
	void guessingCodesStopsAfterFiveUnknownOnes() {
		LineUserId guesser = LineUserId.of("U" + "4".repeat(32));
		IssuedInvitation issued = invitations.issue(
				new InvitationRequest("多治見市", List.of("情報課"), StaffRole.REPORTER, null), "admin");
		String wrong = issued.code().equals("000000") ? "000001" : "000000";
		for (int i = 0; i < Invitations.MAX_FAILED_ATTEMPTS; i++) {
			assertThat(invitations.register(guesser, wrong)).isInstanceOfSatisfying(Registration.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Registration.Reason.UNKNOWN));
		}
		assertThat(invitations.register(guesser, issued.code())).as("even the right code, for the rest of the hour")
			.isInstanceOfSatisfying(Registration.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Registration.Reason.TOO_MANY_ATTEMPTS));
		clock.advance(Invitations.ATTEMPT_WINDOW);
		assertThat(invitations.register(guesser, issued.code())).isInstanceOf(Registration.Registered.class);
	}

	@Test
	void revokingTheInvitationRevokesItsMemberAndErasureForgetsTheLineUser() {
		LineUserId user = LineUserId.of("U" + "5".repeat(32));
		IssuedInvitation issued = invitations.issue(
				new InvitationRequest("多治見市", List.of("情報課"), StaffRole.COORDINATOR, null), "admin");
		invitations.register(user, issued.code());
		StaffMember member = members.active(user).orElseThrow();

		invitations.revoke(issued.invitation().id());

		assertThat(members.active(user)).isEmpty();
		assertThat(members.active("多治見市", "情報課", null)).extracting(StaffMember::id).doesNotContain(member.id());
		assertThat(events.stream(StaffRevoked.class)).contains(new StaffRevoked(member.id(), user, false));

		users.erase(user);
		assertThat(members.find(member.id())).get().extracting(StaffMember::lineUserId).isNull();
	}

	@Test
	void anInvitationNamesDepartmentsOfTheMunicipality() {
		assertThatThrownBy(() -> invitations.issue(
				new InvitationRequest("多治見市", List.of("存在しない課"), StaffRole.REPORTER, null), "admin"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("「存在しない課」は多治見市の課にありません");
		assertThatThrownBy(() -> invitations.issue(
				new InvitationRequest("多治見市", List.of(), StaffRole.REPORTER, null), "admin"))
			.hasMessageContaining("課を1つ以上選んでください");
	}

	private static String toFullWidth(String digits) {
		StringBuilder text = new StringBuilder();
		digits.chars().forEach(c -> text.append((char) (c - '0' + '０')));
		return text.toString();
	}
}
