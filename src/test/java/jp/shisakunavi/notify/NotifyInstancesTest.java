package jp.shisakunavi.notify;

import static jp.shisakunavi.notify.NotifyFixture.BOUSAI;
import static jp.shisakunavi.notify.NotifyFixture.BOUSAI_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import org.springframework.data.mongodb.core.MongoTemplate;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.system.Instances;
import jp.shisakunavi.system.ServiceProcess;

/**
 * Several instances on one database, and an instance killed in the middle of a delivery: every follower still
 * gets the notification exactly once.
 */
class NotifyInstancesTest {

	static final String MULTICAST = "/v2/bot/message/multicast";
	static final int FOLLOWERS = 10_000;
	static final Duration WAIT = Duration.ofMinutes(2);

	@TempDir
	Path dir;

	Instances instances;
	MongoClient client;
	FakeLine line;

	@BeforeEach
	void start() {
		instances = new Instances(dir);
		client = MongoClients.create(instances.uri());
		line = instances.line();
		// LINE is slow today: each multicast takes a while, so that a crash falls in the middle of the delivery
		line.fail(MULTICAST, Integer.MAX_VALUE, 200, Duration.ofMillis(150));
	}

	@AfterEach
	void stop() throws InterruptedException {
		client.close();
		instances.close();
	}

	@Test
	void twoInstancesDeliverEachNotificationOnce() throws Exception {
		ServiceProcess first = service("first");
		ServiceProcess second = service("second");
		first.awaitStarted(WAIT);
		second.awaitStarted(WAIT);

		followAndChange();

		await().atMost(WAIT).until(() -> line.multicastRecipients().size() == FOLLOWERS);
		Thread.sleep(1000);
		assertEveryFollowerGotOneMessage();
	}

	@Test
	void aDeliveryInterruptedByACrashIsFinishedWithoutDuplicates() throws Exception {
		ServiceProcess crashing = service("crashing").awaitStarted(WAIT);
		followAndChange();
		await().atMost(WAIT).until(() -> line.accepted(MULTICAST).size() >= 4);

		crashing.kill();
		int sentBeforeTheCrash = line.multicastRecipients().size();
		assertThat(sentBeforeTheCrash).isLessThan(FOLLOWERS);
		service("restarted").awaitStarted(WAIT);

		await().atMost(WAIT).until(() -> line.multicastRecipients().size() == FOLLOWERS);
		Thread.sleep(1000);
		assertEveryFollowerGotOneMessage();
	}

	private ServiceProcess service(String name) throws Exception {
		return instances.start(name, ShisakuNaviApplication.class.getName(), List.of("--shisaku.notify.send-window=",
				"--shisaku.notify.coalesce=0s", "--shisaku.delivery.poll-interval=200ms", "--shisaku.delivery.lease=5s",
				"--shisaku.delivery.quota-check-from=1000000"));
	}

	/** Ten thousand citizens follow a measure whose rating then changes. */
	private void followAndChange() {
		MongoDatabase db = client.getDatabase("navi");
		List<Document> followers = new ArrayList<>();
		for (int i = 0; i < FOLLOWERS; i++) {
			followers.add(new Document("_id", String.format("U%032x", i)).append("topics", List.of(Topic.measure(BOUSAI).key())));
		}
		db.getCollection("subscriptions").insertMany(followers);
		new MongoTemplate(client, "navi").insert(NotifyFixture.change(BOUSAI, BOUSAI_TITLE, "B", "A"));
	}

	private void assertEveryFollowerGotOneMessage() {
		Map<String, Integer> received = line.multicastRecipients();
		assertThat(received).hasSize(FOLLOWERS);
		assertThat(received.values()).containsOnly(1);
		assertThat(line.violations()).isEmpty();
	}
}
