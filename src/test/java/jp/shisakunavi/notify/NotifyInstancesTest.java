package jp.shisakunavi.notify;

import static jp.shisakunavi.notify.NotifyFixture.BOUSAI;
import static jp.shisakunavi.notify.NotifyFixture.BOUSAI_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
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

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jp.shisakunavi.linefake.FakeLine;
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

	MongoServer database;
	String uri;
	MongoClient client;
	FakeLine line;
	final List<ServiceProcess> services = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		database = new MongoServer(new MemoryBackend());
		InetSocketAddress address = database.bind();
		uri = "mongodb://127.0.0.1:" + address.getPort() + "/navi";
		client = MongoClients.create(uri);
		line = new FakeLine();
		// LINE is slow today: each multicast takes a while, so that a crash falls in the middle of the delivery
		line.fail(MULTICAST, Integer.MAX_VALUE, 200, Duration.ofMillis(150));
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (ServiceProcess service : services) {
			service.close();
		}
		line.close();
		client.close();
		database.shutdown();
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
		ServiceProcess service = ServiceProcess.start(dir, name, List.of("--shisaku.mongodb-uri=" + uri,
				"--line.bot.channel-token=test-channel-token", "--line.bot.channel-secret=test-channel-secret",
				"--line.bot.api-end-point=" + line.baseUrl(), "--line.bot.blob-end-point=" + line.baseUrl(),
				"--shisaku.notify.send-window=", "--shisaku.notify.coalesce=0s", "--shisaku.delivery.poll-interval=200ms",
				"--shisaku.delivery.lease=5s", "--shisaku.delivery.quota-check-from=1000000"));
		services.add(service);
		return service;
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
