package jp.shisakunavi.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.plan.PlanImporter;

/**
 * {@code GET /api/search} on the running service: bad input is answered, never a 500; a plan import or a FAQ
 * file change shows up in answers without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shisaku.faq.poll-interval=PT0.2S", "shisaku.search.rebuild-delay=PT0.1S",
				"shisaku.search.vocabulary-poll=PT0.2S" })
class SearchApiTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	static Path root;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(root.resolve("faq/common"));
		registry.add("shisaku.data-dir", () -> root.resolve("data").toString());
		registry.add("shisaku.faq-dir", () -> root.resolve("faq").toString());
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	PlanImporter importer;

	@Test
	void answersWithTheDocumentedShape() {
		JsonNode answer = search("防災アプリはいつから？", null).getBody();
		assertThat(answer.has("query")).isTrue();
		assertThat(answer.has("intent")).isTrue();
		assertThat(answer.get("answered").isBoolean()).isTrue();
		assertThat(answer.get("results").isArray()).isTrue();
	}

	@Test
	void cutsATenThousandCharacterQuestion() {
		ResponseEntity<JsonNode> response = search("あ".repeat(10_000), null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("query").asText()).hasSize(QuestionText.MAX_CODE_POINTS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "😀🍜", "\u200B\u202E\uFEFF", "e\u0301\u0301\u0301", "%", "title:(a OR b)* ~",
			"\\", "<script>alert(1)</script>", "'; DROP TABLE plans; --", "𠮷野家" })
	void answersOddTextWithoutAnError(String q) {
		ResponseEntity<JsonNode> response = search(q, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("answered").asBoolean()).isFalse();
	}

	@Test
	void answersLoneSurrogatesAndMissingQ() {
		assertThat(http.getForEntity(URI.create("/api/search?q=%ED%A0%80%E9%98%B2"), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(http.getForEntity("/api/search", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "0", "abc", "100000", "1.5", "99999999999999999999" })
	void rejectsABadLimitWithAMessage(String limit) {
		ResponseEntity<JsonNode> response = http.getForEntity(
				UriComponentsBuilder.fromPath("/api/search").queryParam("q", "防災").queryParam("limit", limit)
					.encode().build().toUri(), JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("detail").asText()).contains("limit");
	}

	@Test
	void followsAPlanImportWithoutARestart() throws IOException {
		String question = "ドローンで荷物を運ぶ実証実験";
		assertThat(search(question, "見本市").getBody().get("answered").asBoolean()).isFalse();
		importer.importFile("sample.yaml", Files.readAllBytes(Path.of("src/test/resources/search/sample-plan.yaml")));
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode answer = search(question, "見本市").getBody();
			assertThat(answer.get("answered").asBoolean()).isTrue();
			assertThat(answer.get("results").get(0).get("id").asText()).isEqualTo("sample-1-1-01");
			assertThat(answer.get("results").get(0).get("municipality").asText()).isEqualTo("見本市");
		});
	}

	@Test
	void followsAFaqFileWithoutARestart() throws IOException {
		String question = "施策ナビの受信設定の変え方";
		Files.writeString(root.resolve("faq/common/settings.yaml"), """
				question: 施策ナビの受信設定はどう変えますか？
				answer: メニューの「受信設定」から変えられます。
				""", UTF_8);
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode answer = search(question, null).getBody();
			assertThat(answer.get("answered").asBoolean()).isTrue();
			assertThat(answer.get("results").get(0).get("type").asText()).isEqualTo("faq");
			assertThat(answer.get("results").get(0).get("id").asText()).isEqualTo("common/settings");
		});
	}

	@Test
	void reloadsSynonymsAnAdministratorEdited() throws IOException {
		Files.writeString(root.resolve("faq/common/catalog.yaml"), """
				question: オープンデータはどこで公開していますか？
				answer: 県のカタログサイトで公開しています。
				""", UTF_8);
		String question = "ODとは";
		await().atMost(WAIT).untilAsserted(() -> assertThat(search("オープンデータの公開", null).getBody()
			.get("results").get(0).get("id").asText()).isEqualTo("common/catalog"));
		assertThat(search(question, null).getBody().get("answered").asBoolean()).isFalse();

		Files.createDirectories(root.resolve("data/search"));
		Files.writeString(root.resolve("data/search/synonyms.txt"), "OD, オープンデータ\n", UTF_8);
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode answer = search(question, null).getBody();
			assertThat(answer.get("answered").asBoolean()).isTrue();
			assertThat(answer.get("results").get(0).get("id").asText()).isEqualTo("common/catalog");
		});
	}

	private ResponseEntity<JsonNode> search(String q, String municipality) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/search").queryParam("q", q);
		if (municipality != null) {
			uri.queryParam("municipality", municipality);
		}
		return http.getForEntity(uri.encode().build().toUri(), JsonNode.class);
	}
}
