package jp.shisakunavi.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.ShisakuNaviApplication;

/**
 * Two instances on one database: an entry saved on one is answered by the other within seconds, without a
 * restart (the other notices the FAQ's raised revision). And across a restart: a seed entry deleted in the
 * console stays deleted while its file is as it was, and is offered when the file changes.
 */
class FaqInstancesTest {

	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final String SEED = """
			question: 小山市の公共施設予約はネットでできますか？
			answer: 施設予約システムで予約できます。
			municipality: 小山市
			writtenByHand: true
			""";

	@TempDir
	Path root;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anEntrySavedOnOneInstanceIsAnsweredByTheOtherWithinSeconds() throws Exception {
		seed(SEED);
		try (ConfigurableApplicationContext first = start("--shisaku.data-dir=" + root.resolve("first"))) {
			String uri = first.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString();
			try (ConfigurableApplicationContext second = start("--shisaku.mongodb-uri=" + uri,
					"--shisaku.data-dir=" + root.resolve("second"))) {
				String question = "小山市の図書館の電子書籍サービスはありますか？";
				assertThat(search(second, question)).doesNotContain("oyama/faq-");
				HttpResponse<String> created = send(first, "POST", "/admin/api/faq", """
						{"question": "%s", "answer": "電子図書館で本を借りられます。", "municipality": "小山市"}
						""".formatted(question));
				assertThat(created.statusCode()).isEqualTo(201);
				await().atMost(WAIT).untilAsserted(() -> assertThat(search(second, question)).contains("oyama/faq-"));
			}
		}
	}

	@Test
	void anImportInterruptedAfterItWasWrittenDownIsFinishedAtTheNextStart() throws Exception {
		seed(SEED);
		FaqRecord changed;
		try (ConfigurableApplicationContext first = start("--shisaku.data-dir=" + root.resolve("data"))) {
			FaqRecord booking = first.getBean(FaqEditor.class).existing("oyama/booking");
			changed = booking.next(booking.content().withAlternates(List.of("施設の予約")), FaqRecord.Origin.EDITED,
					booking.fileChecksum(), null, null, FaqVersion.Change.IMPORTED, Instant.now(), "admin");
			FaqRecord created = new FaqRecord("oyama/faq-imported", new FaqDraft("小山市の電子申請は？", List.of(),
					"電子申請システムからできます。", "小山市", false, null, List.of(), null, null, null, null, true), 1, Instant.now(), "admin", FaqRecord.Origin.EDITED, null, null, null,
					FaqVersion.Change.IMPORTED);
			// As a crash would leave it: the import written down, none of its entries yet.
			first.getBean(FaqImportJournal.class).begin("interrupted", List.of(changed, created), Instant.now());
		}
		try (ConfigurableApplicationContext again = start("--shisaku.data-dir=" + root.resolve("data"))) {
			FaqEditor editor = again.getBean(FaqEditor.class);
			assertThat(editor.existing("oyama/booking").version()).isEqualTo(changed.version());
			assertThat(editor.existing("oyama/booking").content().alternates()).containsExactly("施設の予約");
			assertThat(editor.existing("oyama/faq-imported").content().answer()).isEqualTo("電子申請システムからできます。");
			assertThat(editor.history("oyama/faq-imported")).singleElement()
				.satisfies(v -> assertThat(v.change()).isEqualTo(FaqVersion.Change.IMPORTED));
			assertThat(again.getBean(FaqImportJournal.class).unfinished()).isEmpty();
		}
	}

	@Test
	void aDeletedSeedEntryStaysDeletedAcrossRestartsUntilItsFileChanges() throws Exception {
		seed(SEED);
		try (ConfigurableApplicationContext first = start("--shisaku.data-dir=" + root.resolve("data"))) {
			HttpResponse<String> deleted = send(first, "DELETE", "/admin/api/faq/entry?id=oyama/booking&version=1", null);
			assertThat(deleted.statusCode()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext again = start("--shisaku.data-dir=" + root.resolve("data"))) {
			FaqRecord record = again.getBean(FaqEditor.class).existing("oyama/booking");
			assertThat(record.deleted()).as("not brought back by its unchanged file").isTrue();
			assertThat(record.inConflict()).isFalse();
			assertThat(again.getBean(FaqEntries.class).find("oyama/booking")).isEmpty();
		}
		seed(SEED.replace("施設予約システムで予約できます。", "施設予約システムで、スマートフォンからも予約できます。"));
		try (ConfigurableApplicationContext changed = start("--shisaku.data-dir=" + root.resolve("data"))) {
			FaqRecord record = changed.getBean(FaqEditor.class).existing("oyama/booking");
			assertThat(record.deleted()).isTrue();
			assertThat(record.offer().content().answer()).isEqualTo("施設予約システムで、スマートフォンからも予約できます。");
			assertThat(send(changed, "POST", "/admin/api/faq/entry/take-file?id=oyama/booking&version=" + record.version(),
					null).statusCode()).isEqualTo(200);
			assertThat(changed.getBean(FaqEditor.class).existing("oyama/booking").deleted()).isFalse();
			await().atMost(WAIT).untilAsserted(() -> assertThat(search(changed, "小山市の公共施設予約はネットでできますか？"))
				.contains("oyama/booking"));
		}
	}

	private ConfigurableApplicationContext start(String... args) {
		String[] common = { "--server.port=0", "--shisaku.faq-dir=" + root.resolve("faq"),
				"--shisaku.faq.refresh=PT0.5S", "--shisaku.search.rebuild-delay=PT0.1S",
				"--shisaku.admin.password=" + AdminApi.PASSWORD, "--shisaku.admin.api-token=" + AdminApi.TOKEN };
		String[] all = new String[common.length + args.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(args, 0, all, common.length, args.length);
		return new SpringApplicationBuilder(ShisakuNaviApplication.class).run(all);
	}

	private void seed(String content) throws IOException {
		Path file = root.resolve("faq/oyama/booking.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private String search(ConfigurableApplicationContext instance, String question) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(instance, "/api/search?municipality=" + encode("小山市") + "&q="
				+ encode(question))).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private HttpResponse<String> send(ConfigurableApplicationContext instance, String method, String path, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path))
			.header("Authorization", "Bearer " + AdminApi.TOKEN)
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort() + path);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
