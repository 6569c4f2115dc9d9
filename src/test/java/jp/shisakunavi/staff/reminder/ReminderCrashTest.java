package jp.shisakunavi.staff.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.system.Instances;
import jp.shisakunavi.system.ServiceProcess;
import jp.shisakunavi.users.LineUserId;
import stafftrial.StaffReminderTrial;

/**
 * The instance sending a day's staff reminders is killed (kill -9) in the middle; a second instance on the same
 * database decides the day again, finds it ordered, takes the dead sender's chunk over when its lease runs out,
 * and every reporter and head still gets the day's reminder exactly once.
 */
class ReminderCrashTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final Duration WAIT = Duration.ofMinutes(3);

	@TempDir
	Path dir;

	Instances instances;
	FakeLine line;

	@BeforeEach
	void start() {
		instances = new Instances(dir);
		line = instances.line();
		// each department's reporters and its head are a message of their own, and LINE is slow: the kill falls
		// in the middle
		line.fail(MULTICAST, Integer.MAX_VALUE, 200, Duration.ofMillis(300));
	}

	@AfterEach
	void stop() throws InterruptedException {
		instances.close();
	}

	@Test
	void eachStaffMemberGetsTheDaysReminderOnceThoughTheSenderWasKilled() throws Exception {
		ServiceProcess crashing = service("crashing").awaitStarted(WAIT);
		await().atMost(WAIT).until(() -> line.accepted(MULTICAST).size() >= 3);

		crashing.kill();
		List<LineUserId> staff = StaffReminderTrial.staff();
		assertThat(line.multicastRecipients().size()).as("killed in the middle").isLessThan(staff.size());
		ServiceProcess survivor = service("taking-over").awaitStarted(WAIT);

		await().atMost(WAIT).until(() -> line.multicastRecipients().size() == staff.size());
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
			.until(() -> line.multicastRecipients().size() == staff.size());
		assertThat(line.multicastRecipients())
			.isEqualTo(staff.stream().collect(Collectors.toMap(LineUserId::value, s -> 1)));
		assertThat(line.accepted(MULTICAST)).as("one message per department and audience")
			.hasSize(StaffReminderTrial.DEPARTMENTS.size() * 2);
		assertThat(line.violations()).isEmpty();
		assertThat(survivor.output()).contains("STAFF-REMINDER");
	}

	private ServiceProcess service(String name) throws Exception {
		return instances.start(name, StaffReminderTrial.class.getName(), List.of("--shisaku.delivery.poll-interval=200ms",
				"--shisaku.delivery.lease=5s"));
	}
}
