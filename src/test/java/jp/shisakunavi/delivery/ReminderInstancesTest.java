package jp.shisakunavi.delivery;

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
import reminders.RemindersApplication;

/**
 * A client that is not about citizens gets the same guarantee: the instance sending a wave of reminders is
 * killed in the middle, another instance takes its chunk over when the dead sender's lease runs out, and every
 * staff member still gets their reminder exactly once.
 */
class ReminderInstancesTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final int STAFF = 24;
	static final Duration WAIT = Duration.ofMinutes(2);

	@TempDir
	Path dir;

	Instances instances;
	FakeLine line;

	@BeforeEach
	void start() {
		instances = new Instances(dir);
		line = instances.line();
		// one message per staff member, each a request of its own, and LINE slow: the crash falls in the middle
		line.fail(MULTICAST, Integer.MAX_VALUE, 200, Duration.ofMillis(300));
	}

	@AfterEach
	void stop() throws InterruptedException {
		instances.close();
	}

	@Test
	void aWaveInterruptedByACrashIsFinishedByAnotherInstanceWithoutDuplicates() throws Exception {
		ServiceProcess crashing = service("crashing").awaitStarted(WAIT);
		await().atMost(WAIT).until(() -> line.accepted(MULTICAST).size() >= 3);

		crashing.kill();
		assertThat(line.multicastRecipients().size()).as("killed in the middle").isLessThan(STAFF);
		ServiceProcess survivor = service("taking-over").awaitStarted(WAIT);

		await().atMost(WAIT).until(() -> line.multicastRecipients().size() == STAFF);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
			.until(() -> line.multicastRecipients().size() == STAFF);
		assertThat(line.multicastRecipients()).isEqualTo(RemindersApplication.staff(STAFF).stream()
			.collect(Collectors.toMap(s -> s, s -> 1)));
		assertThat(line.requests(MULTICAST).stream().map(FakeLine.Received::status).distinct())
			.as("what the crashed instance sent was sent again with its retry key, and LINE executed it once")
			.containsAnyOf(409);
		assertThat(line.violations()).isEmpty();
		assertThat(survivor.output()).contains("Delivery: clients");
	}

	private ServiceProcess service(String name) throws Exception {
		return instances.start(name, RemindersApplication.class.getName(), List.of("--shisaku.delivery.poll-interval=200ms",
				"--shisaku.delivery.lease=5s", "--reminders.staff=" + STAFF));
	}

}
