package stafftrial;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.users.LineUserId;

/**
 * The whole service as a process of its own, its clock set to 10:00 on 2026-05-12 in Tokyo (and running on), with
 * a round of 多治見市 two business days overdue and staff in {@link #DEPARTMENTS}: {@link #REPORTERS} reporters and
 * a head each. The first instance registers them and opens the round; one started later finds them. Outside
 * {@code jp.shisakunavi}, so that only the tests that start it have it.
 */
@Configuration(proxyBeanMethods = false)
public class StaffReminderTrial {

	public static final List<String> DEPARTMENTS = List.of("秘書広報課", "福祉課", "企画防災課", "情報課", "子ども支援課",
			"産業観光課", "教育総務課", "教育研究所", "文化スポーツ課", "保健センター", "高齢福祉課", "市民課");
	public static final int REPORTERS = 2;
	static final LocalDateTime NOW = LocalDateTime.of(2026, 5, 12, 10, 0);
	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { ShisakuNaviApplication.class, StaffReminderTrial.class }, args);
	}

	/** The LINE users of the trial's staff: reporters, then heads, per department. */
	public static List<LineUserId> staff() {
		return java.util.stream.IntStream.range(0, DEPARTMENTS.size() * (REPORTERS + 1))
			.mapToObj(i -> LineUserId.of(String.format("U%032x", 0x5a0000 + i)))
			.toList();
	}

	@Bean
	@Primary
	Clock trialClock() {
		Clock system = Clock.system(TOKYO);
		return Clock.offset(system, Duration.between(system.instant(), NOW.atZone(TOKYO).toInstant()));
	}

	@Bean
	ApplicationRunner openRound(Rounds rounds, Invitations invitations) {
		return args -> {
			if (!rounds.of("多治見市").isEmpty()) {
				return;
			}
			List<LineUserId> users = staff();
			int next = 0;
			for (String department : DEPARTMENTS) {
				for (int i = 0; i <= REPORTERS; i++) {
					StaffRole role = i < REPORTERS ? StaffRole.REPORTER : StaffRole.HEAD;
					String code = invitations.issue(new InvitationRequest("多治見市", List.of(department), role, department + i),
							"trial").code();
					invitations.register(users.get(next++), code);
				}
			}
			rounds.open(new RoundDraft("多治見市", "tajimi-3", 2019, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 8),
					List.of(), false, null), "trial");
		};
	}
}
