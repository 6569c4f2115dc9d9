package jp.shisakunavi.admin.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.ApiTokens;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.audit.AuditFilter;
import jp.shisakunavi.audit.AuditLog;

/**
 * The FAQ admin API over HTTP with API tokens: validation in Japanese, the bot answering a new entry within
 * seconds, optimistic locking, alternates, deletion and restore, roles and municipalities, and the seed folder's
 * changes after a console edit (offered, never applied by themselves; keep, take or merge).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shisaku.faq.poll-interval=PT0.2S", "shisaku.search.rebuild-delay=PT0.1S" })
class FaqApiTest {

	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@TempDir
	static Path root;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		seed("tajimi/wifi.yaml", """
				question: 多治見市の公衆無線LANはどこで使えますか？
				answer: 観光拠点などで使えます。
				municipality: 多治見市
				tags: [計画]
				writtenByHand: true
				""");
		seed("chigasaki/office.yaml", """
				question: 茅ヶ崎市の電子申請は何ができますか？
				answer: 各種の申請ができます。
				municipality: 茅ヶ崎市
				writtenByHand: true
				""");
		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				answer: 更新しました。
				municipality: 多治見市
				writtenByHand: true
				""");
		FaqSeedFolder.use(root, registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog audit;

	@Test
	void aNewEntryIsCheckedSavedAuditedAndAnsweredByTheBotWithinSeconds() {
		ResponseEntity<Map<String, Object>> empty = send(admin(), HttpMethod.POST, "/admin/api/faq",
				Map.of("question", "多治見市の防災アプリの名前は？", "answer", " ", "municipality", "多治見市"));
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(errors(empty)).containsEntry("answer", "回答を入れてください");

		ResponseEntity<Map<String, Object>> tooLong = send(admin(), HttpMethod.POST, "/admin/api/faq",
				Map.of("question", "長い回答？", "answer", "あ".repeat(4995), "municipality", "多治見市", "source", "出典の名前"));
		assertThat(errors(tooLong).get("answer")).contains("LINE の1通のメッセージ（5000文字）に収まりません（出典などを添えると5006文字）");

		ResponseEntity<Map<String, Object>> duplicate = send(admin(), HttpMethod.POST, "/admin/api/faq",
				Map.of("question", "多治見市の公衆無線ＬＡＮはどこで使えますか", "answer", "別の答え", "municipality", "多治見"));
		assertThat(errors(duplicate).get("question")).contains("多治見市の別の FAQ「多治見市の公衆無線LANはどこで使えますか？」ですでに質問になっています");

		ResponseEntity<Map<String, Object>> badCity = send(admin(), HttpMethod.POST, "/admin/api/faq",
				Map.of("question", "別の市？", "answer", "はい", "municipality", "岐阜市", "url", "javascript:alert(1)"));
		assertThat(errors(badCity)).containsKeys("municipality", "url");

		ResponseEntity<Map<String, Object>> created = send(admin(), HttpMethod.POST, "/admin/api/faq", Map.of(
				"question", "多治見市の防災アプリの名前は何ですか？", "alternates", List.of("防災アプリの名前"),
				"answer", "「たじみ防災」という名前のアプリです。", "municipality", "多治見",
				"url", "https://www.city.tajimi.lg.jp/"));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = (String) created.getBody().get("id");
		assertThat(id).startsWith("tajimi/faq-");
		assertThat(content(created)).containsEntry("municipality", "多治見市");

		await().atMost(WAIT).untilAsserted(() -> assertThat(firstResult("多治見市の防災アプリの名前は？", "多治見市"))
			.containsEntry("id", id));
		assertThat(audit.find(new AuditFilter(null, "faq.create", null, null, null, null), 0).entries())
			.anySatisfy(e -> assertThat(e.target()).isEqualTo(id));
	}

	@Test
	void theSecondOfTwoEditorsSavingTheSameVersionIsRefusedWithWhatTheEntrySaysNow() {
		Map<String, Object> record = entry("chigasaki/office");
		long version = ((Number) record.get("version")).longValue();
		Map<String, Object> first = Map.of("question", "茅ヶ崎市の電子申請は何ができますか？", "answer", "子育ての申請ができます。",
				"municipality", "茅ヶ崎市");
		Map<String, Object> second = Map.of("question", "茅ヶ崎市の電子申請は何ができますか？", "answer", "税の申請ができます。",
				"municipality", "茅ヶ崎市");
		assertThat(send(admin(), HttpMethod.PUT, "/admin/api/faq/entry?id=chigasaki/office&version=" + version, first)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<Map<String, Object>> refused = send(admin(), HttpMethod.PUT,
				"/admin/api/faq/entry?id=chigasaki/office&version=" + version, second);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) refused.getBody().get("detail")).contains("開いた後に admin さんが変更しました");
		@SuppressWarnings("unchecked")
		Map<String, Object> current = (Map<String, Object>) refused.getBody().get("current");
		assertThat(content(current)).containsEntry("answer", "子育ての申請ができます。");
	}

	@Test
	void alternatesDeletionAndRestoreAreVersionedAndAnEditorOfAnotherCityOrAViewerIsRefused() {
		String viewer = token(Role.VIEWER, List.of());
		String chigasaki = token(Role.EDITOR, List.of("茅ヶ崎市"));
		long version = version("tajimi/wifi");
		assertThat(send(viewer, HttpMethod.POST, "/admin/api/faq/entry/alternates?id=tajimi/wifi&version=" + version,
				List.of("Wi-Fiはどこ")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> otherCity = send(chigasaki, HttpMethod.POST,
				"/admin/api/faq/entry/alternates?id=tajimi/wifi&version=" + version, List.of("Wi-Fiはどこ"));
		assertThat(otherCity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) otherCity.getBody().get("detail")).contains("多治見市 のデータを変更する権限がありません");
		assertThat(send(chigasaki, HttpMethod.POST, "/admin/api/faq", Map.of("question", "共通の質問？", "answer", "はい"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<Map<String, Object>> added = send(admin(), HttpMethod.POST,
				"/admin/api/faq/entry/alternates?id=tajimi/wifi&version=" + version, List.of("Wi-Fiはどこ", "無料Wi-Fi"));
		assertThat(content(added).get("alternates")).isEqualTo(List.of("Wi-Fiはどこ", "無料Wi-Fi"));
		long afterAlternates = ((Number) added.getBody().get("version")).longValue();
		assertThat(send(admin(), HttpMethod.POST, "/admin/api/faq/entry/alternates?id=tajimi/wifi&version=" + version,
				List.of("古い版に")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		assertThat(send(admin(), HttpMethod.DELETE, "/admin/api/faq/entry?id=tajimi/wifi&version=" + afterAlternates, null)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.getForObject("/api/faq", List.class).toString()).doesNotContain("tajimi/wifi");
		ResponseEntity<Map<String, Object>> gone = send(admin(), HttpMethod.POST,
				"/admin/api/faq/entry/alternates?id=tajimi/wifi&version=" + (afterAlternates + 1), List.of("削除後"));
		assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) gone.getBody().get("detail")).contains("削除されています");

		Map<String, Object> deleted = entry("tajimi/wifi");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> versions = (List<Map<String, Object>>) deleted.get("versions");
		assertThat(versions).extracting(v -> v.get("change")).containsExactly("DELETED", "ALTERNATES_ADDED", "FILE_LOADED");
		ResponseEntity<Map<String, Object>> restored = send(admin(), HttpMethod.POST,
				"/admin/api/faq/entry/restore?id=tajimi/wifi&version=" + (afterAlternates + 1) + "&number=1", null);
		assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(content(restored).get("alternates")).isEqualTo(List.of());
		assertThat(restored.getBody().get("deletedAt")).isNull();
		assertThat(((Number) restored.getBody().get("version")).longValue()).isEqualTo(afterAlternates + 2);
	}

	@Test
	void aSeedFileChangedAfterAConsoleEditIsOfferedAndEachChoiceWorks() throws IOException {
		long version = version("tajimi/kept");
		send(admin(), HttpMethod.PUT, "/admin/api/faq/entry?id=tajimi/kept&version=" + version, Map.of(
				"question", "多治見市の庁内ネットワークはどうなっていますか？", "answer", "管理画面で直した答えです。", "municipality", "多治見市"));
		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				answer: ファイルで直した答えです。
				municipality: 多治見市
				writtenByHand: true
				""");
		await().atMost(WAIT).until(() -> entry("tajimi/kept").get("offer") != null);
		Map<String, Object> offered = entry("tajimi/kept");
		assertThat(content(offered)).as("the console's version stays").containsEntry("answer", "管理画面で直した答えです。");
		assertThat(offered.get("offer").toString()).contains("ファイルで直した答えです。").contains("faq/tajimi/kept.yaml");

		ResponseEntity<Map<String, Object>> kept = send(admin(), HttpMethod.POST,
				"/admin/api/faq/entry/keep?id=tajimi/kept&version=" + offered.get("version"), null);
		assertThat(kept.getBody().get("offer")).isNull();
		assertThat(content(kept)).containsEntry("answer", "管理画面で直した答えです。");

		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				answer: ファイルでもう一度直した答えです。
				municipality: 多治見市
				writtenByHand: true
				""");
		await().atMost(WAIT).until(() -> entry("tajimi/kept").get("offer") != null);
		ResponseEntity<Map<String, Object>> taken = send(admin(), HttpMethod.POST,
				"/admin/api/faq/entry/take-file?id=tajimi/kept&version=" + entry("tajimi/kept").get("version"), null);
		assertThat(content(taken)).containsEntry("answer", "ファイルでもう一度直した答えです。");
		assertThat(taken.getBody().get("origin")).isEqualTo("FILE");

		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				answer: ファイルに従う答えです。
				municipality: 多治見市
				writtenByHand: true
				""");
		await().atMost(WAIT).untilAsserted(() -> assertThat(content(entry("tajimi/kept")))
			.as("an entry that follows its file takes the file's change").containsEntry("answer", "ファイルに従う答えです。"));

		send(admin(), HttpMethod.PUT, "/admin/api/faq/entry?id=tajimi/kept&version=" + version("tajimi/kept"), Map.of(
				"question", "多治見市の庁内ネットワークはどうなっていますか？", "answer", "また管理画面で直しました。", "municipality", "多治見市"));
		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				alternates: [庁内LAN]
				answer: ファイルでまた直しました。
				municipality: 多治見市
				writtenByHand: true
				""");
		await().atMost(WAIT).until(() -> entry("tajimi/kept").get("offer") != null);
		ResponseEntity<Map<String, Object>> merged = send(admin(), HttpMethod.PUT,
				"/admin/api/faq/entry?id=tajimi/kept&version=" + version("tajimi/kept"), Map.of(
						"question", "多治見市の庁内ネットワークはどうなっていますか？", "alternates", List.of("庁内LAN"),
						"answer", "また管理画面で直しました。", "municipality", "多治見市"));
		assertThat(merged.getBody().get("offer")).isNull();
		assertThat(merged.getBody().get("change")).isEqualTo("MERGED");

		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				alternates: [庁内LAN]
				answer: ファイルでまた直しました。
				municipality: 多治見市
				writtenByHand: true
				""");
		await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(entry("tajimi/kept").get("offer"))
			.as("the file version merged is not offered again").isNull());

		seed("tajimi/kept.yaml", """
				question: 多治見市の庁内ネットワークはどうなっていますか？
				alternates: [庁内LAN]
				answer: また管理画面で直しました。
				municipality: 多治見市
				""");
		await().atMost(WAIT).until(() -> "FILE_MATCHES".equals(entry("tajimi/kept").get("change")));
		assertThat(entry("tajimi/kept").get("offer")).as("a file saying what the console says settles it").isNull();
	}

	private Map<String, Object> firstResult(String question, String municipality) {
		Map<?, ?> answer = http.getForObject("/api/search?q={q}&municipality={m}", Map.class, question, municipality);
		List<?> results = (List<?>) answer.get("results");
		@SuppressWarnings("unchecked")
		Map<String, Object> first = results.isEmpty() ? Map.of() : (Map<String, Object>) results.getFirst();
		return first;
	}

	private Map<String, Object> entry(String id) {
		ResponseEntity<Map<String, Object>> found = send(admin(), HttpMethod.GET, "/admin/api/faq/entry?id=" + id, null);
		assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("unchecked")
		Map<String, Object> record = (Map<String, Object>) found.getBody().get("entry");
		record.put("versions", found.getBody().get("versions"));
		return record;
	}

	private long version(String id) {
		return ((Number) entry(id).get("version")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> content(ResponseEntity<Map<String, Object>> response) {
		return content(response.getBody());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> content(Map<String, Object> record) {
		return (Map<String, Object>) record.get("content");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> errors(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		Map<String, String> byField = new java.util.LinkedHashMap<>();
		((List<Map<String, String>>) response.getBody().get("errors"))
			.forEach(e -> byField.merge(e.get("field"), e.get("reason"), (a, b) -> a + " / " + b));
		return byField;
	}

	private String admin() {
		return AdminApi.TOKEN;
	}

	private String token(Role role, List<String> municipalities) {
		return AdminApi.tokenOf(accounts, tokens, role, municipalities);
	}

	private ResponseEntity<Map<String, Object>> send(String token, HttpMethod method, String path, Object body) {
		return AdminApi.withToken(http, token).exchange(path, method, new HttpEntity<>(body), JSON);
	}

	private static void seed(String relative, String content) {
		FaqSeedFolder.write(root, relative, content);
	}
}
