package jp.shisakunavi.line;

import static jp.shisakunavi.linefake.LineWebhook.body;
import static jp.shisakunavi.linefake.LineWebhook.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.LineWebhook;

/** Two instances of the service on one database: LINE's redelivery reaching the other instance is not answered twice. */
class TwoInstancesTest {

	static final String SECRET = "two-instances-secret";

	@TempDir
	Path dataDir;

	@Test
	void anEventDeliveredToBothInstancesIsAnsweredOnce() throws Exception {
		try (FakeLine line = new FakeLine(); ConfigurableApplicationContext first = start(line, "--shisaku.data-dir=" + dataDir)) {
			String uri = first.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString();
			try (ConfigurableApplicationContext second = start(line, "--shisaku.mongodb-uri=" + uri,
					"--shisaku.data-dir=" + dataDir.resolve("second"))) {
				List<Map<String, Object>> events = List.of(LineWebhook.text(LineWebhook.userId(), "使い方"),
						LineWebhook.text(LineWebhook.userId(), "RPAとは"));
				for (ConfigurableApplicationContext instance : List.of(first, second, first, second)) {
					assertThat(post(instance, body(events))).isEqualTo(200);
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> line.accepted("/v2/bot/message/reply").size() >= 2);
				Thread.sleep(1000);
				assertThat(line.requests("/v2/bot/message/reply")).hasSize(2);
				assertThat(line.violations()).isEmpty();
			}
		}
	}

	private static ConfigurableApplicationContext start(FakeLine line, String... args) {
		String[] common = { "--server.port=0", "--line.bot.channel-secret=" + SECRET, "--line.bot.channel-token=token",
				"--line.bot.api-end-point=" + line.baseUrl(), "--line.bot.blob-end-point=" + line.baseUrl() };
		String[] all = new String[common.length + args.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(args, 0, all, common.length, args.length);
		return new SpringApplicationBuilder(ShisakuNaviApplication.class).run(all);
	}

	private static int post(ConfigurableApplicationContext instance, byte[] body) throws Exception {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callback"))
			.header("x-line-signature", sign(SECRET, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
