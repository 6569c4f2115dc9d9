package jp.shisakunavi.admin.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.ApiTokens;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.audit.AuditFilter;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.faq.FaqEditor;
import jp.shisakunavi.faq.FaqRecord;

/**
 * Import and export of the FAQ through the admin API: a zipped folder goes out and comes back (changing only what
 * was changed, and nothing the second time), a CP932 CSV with a broken row is refused whole with every row's
 * reason, the open-data CSV names the municipality by its code and neutralises formulas, and a zip bomb, a
 * 100,000-row CSV and another city's rows are refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shisaku.faq.poll-interval=PT0.2S", "shisaku.search.rebuild-delay=PT0.1S" })
class FaqTransferApiTest {

	private static final Charset CP932 = Charset.forName("windows-31j");
	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@TempDir
	static Path root;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		seed("tajimi/wifi.yaml", """
				question: 多治見市の公衆無線LANはどこで使えますか？
				alternates: [無料Wi-Fi]
				answer: '=HYPERLINK("https://example.com","観光拠点などで使えます。")'

				municipality: 多治見市
				category: 計画
				tags: [通信]
				department: 情報政策課
				writtenByHand: true
				""");
		seed("tajimi/library.yaml", """
				question: 多治見市の図書館の予約はできますか？
				alternates: [図書館の予約]
				answer: できます。
				municipality: 多治見市
				tags: [図書館]
				department: 図書館
				writtenByHand: true
				""");
		seed("chigasaki/office.yaml", """
				question: 茅ヶ崎市の電子申請は何ができますか？
				answer: 各種の申請ができます。
				municipality: 茅ヶ崎市
				url: https://www.city.chigasaki.kanagawa.jp/
				writtenByHand: true
				""");
		seed("common/rating.yaml", """
				question: 評価とは何ですか？
				answer: 施策の進み具合を年度ごとに表したものです。
				writtenByHand: true
				""");
		FaqSeedFolder.use(root, registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	FaqEditor editor;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog audit;

	@Test
	void aZippedFolderGoesOutAndComesBackChangingOnlyWhatWasChanged() throws IOException {
		byte[] zip = export("zip", null);
		Map<String, String> files = unzip(zip);
		assertThat(files).containsKeys("faq/tajimi/wifi.yaml", "faq/chigasaki/office.yaml", "faq/common/rating.yaml");
		assertThat(files.get("faq/chigasaki/office.yaml")).contains("question: 茅ヶ崎市の電子申請は何ができますか？")
			.contains("url: https://www.city.chigasaki.kanagawa.jp/");

		files.put("faq/chigasaki/office.yaml", files.get("faq/chigasaki/office.yaml").replace("各種の申請ができます。", "住民票の写しを請求できます。"));
		files.put("faq/chigasaki/new-entry.yaml", """
				question: 茅ヶ崎市の電子図書館は使えますか？
				answer: 使えます。
				municipality: 茅ヶ崎市
				""");
		byte[] changed = zip(files);
		Map<String, Object> preview = upload(AdminApi.TOKEN, "faq.zip", changed, true).getBody();
		assertThat(actions(preview)).containsEntry("faq/chigasaki/office.yaml", "UPDATE")
			.containsEntry("faq/chigasaki/new-entry.yaml", "CREATE").containsEntry("faq/tajimi/wifi.yaml", "UNCHANGED");
		assertThat(editor.find("chigasaki/new-entry")).as("a preview stores nothing").isEmpty();

		ResponseEntity<Map<String, Object>> applied = upload(AdminApi.TOKEN, "faq.zip", changed, false);
		assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(editor.find("chigasaki/office").orElseThrow().content().answer()).isEqualTo("住民票の写しを請求できます。");
		assertThat(editor.find("chigasaki/new-entry").orElseThrow().version()).isEqualTo(1);
		assertThat(editor.history("chigasaki/office").getFirst().change().label()).isEqualTo("取り込み");
		assertThat(audit.find(new AuditFilter(null, "faq.import", null, null, null, null), 0).entries())
			.anySatisfy(e -> assertThat(e.summary()).contains("新規 1、更新 1"));

		Map<String, Object> again = upload(AdminApi.TOKEN, "faq.zip", changed, false).getBody();
		assertThat(actions(again).values()).as("the same file twice changes nothing").containsOnly("UNCHANGED");
	}

	@Test
	void aCp932CsvWithABrokenRowIsRefusedWholeWithEveryRowsReasonAndTakenOnceMended() {
		long before = editor.find("tajimi/library").orElseThrow().version();
		String broken = """
				質問,回答,自治体,タグ
				多治見市の図書館の予約はできますか？,インターネットでもできます。,多治見市,図書館、予約
				多治見市の粗大ごみの出し方は？,,多治見市,
				多治見市のオープンデータはどこにありますか？,市のサイトにあります。,多治見市,データ
				""";
		ResponseEntity<Map<String, Object>> refused = upload(AdminApi.TOKEN, "faq.csv", broken.getBytes(CP932), false);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").toString()).contains("取り込めない行が 1 行ある");
		List<Map<String, Object>> rows = planRows(refused.getBody());
		assertThat(rows).extracting(r -> r.get("place")).containsExactly("2行目", "3行目", "4行目");
		assertThat(rows.get(1).get("problems").toString()).contains("回答を入れてください");
		assertThat(editor.find("tajimi/library").orElseThrow().version()).as("nothing stored").isEqualTo(before);

		String mended = broken.replace("多治見市の粗大ごみの出し方は？,,", "多治見市の粗大ごみの出し方は？,予約して出してください。,");
		Map<String, Object> applied = upload(AdminApi.TOKEN, "faq.csv", mended.getBytes(CP932), false).getBody();
		assertThat(planRows(applied)).extracting(r -> r.get("action")).containsExactly("UPDATE", "CREATE", "CREATE");
		FaqRecord library = editor.find("tajimi/library").orElseThrow();
		assertThat(library.content().answer()).isEqualTo("インターネットでもできます。");
		assertThat(library.content().alternates()).as("a sheet without the column keeps them").containsExactly("図書館の予約");
		assertThat(library.content().department()).isEqualTo("図書館");
		assertThat(library.content().tags()).containsExactly("図書館", "予約");
	}

	@Test
	void theOpenDataCsvNamesMunicipalitiesByCodeNeutralisesFormulasAndImportsBackUnchanged() throws IOException {
		byte[] csv = export("open-data", "多治見市");
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF全国地方公共団体コード,ID,地方公共団体名,質問,回答,所管部署,分類,URL");
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		CSVRecord wifi = records.stream().filter(r -> r.get(1).equals("tajimi/wifi")).findFirst().orElseThrow();
		assertThat(wifi.get(0)).isEqualTo("212041");
		assertThat(wifi.get(2)).isEqualTo("多治見市");
		assertThat(wifi.get(4)).as("a formula is neutralised").startsWith("'=HYPERLINK(");
		assertThat(wifi.get(5)).isEqualTo("情報政策課");
		assertThat(records).extracting(r -> r.get(1)).contains("common/rating").doesNotContain("chigasaki/office");

		Map<String, Object> again = upload(AdminApi.TOKEN, "opendata.csv", csv, true).getBody();
		assertThat(actions(again).values()).containsOnly("UNCHANGED");

		byte[] sjis = export("csv-sjis", null);
		assertThat(new String(sjis, CP932)).startsWith("ID,自治体,質問,言い換え,回答");
		Map<String, Object> sjisAgain = upload(AdminApi.TOKEN, "faq.csv", sjis, true).getBody();
		assertThat(actions(sjisAgain).values()).containsOnly("UNCHANGED");
	}

	@Test
	void aZipBombAHundredThousandRowCsvAndAnotherCitysRowsAreRefusedWithNothingStored() throws IOException {
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("faq/tajimi/bomb.yaml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 64; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bomb.size()).isLessThan(1024 * 1024);
		ResponseEntity<Map<String, Object>> refusedBomb = upload(AdminApi.TOKEN, "faq.zip", bomb.toByteArray(), false);
		assertThat(refusedBomb.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusedBomb.getBody().get("detail").toString()).contains("大きすぎます");

		StringBuilder many = new StringBuilder("質問,回答,自治体\n");
		for (int i = 0; i < 100_000; i++) {
			many.append("質問").append(i).append(",答え,多治見市\n");
		}
		ResponseEntity<Map<String, Object>> refusedRows = upload(AdminApi.TOKEN, "many.csv", many.toString().getBytes(StandardCharsets.UTF_8), false);
		assertThat(refusedRows.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusedRows.getBody().get("detail").toString()).contains("3000行まで");
		assertThat(editor.all()).noneMatch(r -> r.content().question().startsWith("質問"));

		String chigasaki = token(Role.EDITOR, List.of("茅ヶ崎市"));
		String rows = """
				質問,回答,自治体
				茅ヶ崎市のマイナンバーカードの申請は？,窓口でできます。,茅ヶ崎市
				多治見市の公衆無線LANはどこで使えますか？,書き換え,多治見市
				""";
		ResponseEntity<Map<String, Object>> refusedCity = upload(chigasaki, "faq.csv", rows.getBytes(StandardCharsets.UTF_8), false);
		assertThat(refusedCity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(planRows(refusedCity.getBody()).get(1).get("problems").toString()).contains("多治見市の FAQ は、このアカウントでは変えられません");
		assertThat(editor.all()).noneMatch(r -> "茅ヶ崎市のマイナンバーカードの申請は？".equals(r.content().question()));

		ResponseEntity<Map<String, Object>> viewer = upload(token(Role.VIEWER, List.of()), "faq.csv", rows.getBytes(StandardCharsets.UTF_8), false);
		assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private byte[] export(String format, String municipality) {
		ResponseEntity<byte[]> response = AdminApi.withToken(http, AdminApi.TOKEN).getForEntity(
				"/admin/api/faq/export?format=" + format + (municipality == null ? "" : "&municipality=" + municipality), byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentDisposition().getFilename()).startsWith("faq-");
		return response.getBody();
	}

	private ResponseEntity<Map<String, Object>> upload(String token, String filename, byte[] content, boolean preview) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return AdminApi.withToken(http, token).exchange("/admin/api/faq/import?preview=" + preview, HttpMethod.POST,
				new HttpEntity<>(form, headers), JSON);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> planRows(Map<String, Object> body) {
		Map<String, Object> plan = body.containsKey("plan") ? (Map<String, Object>) body.get("plan") : body;
		return (List<Map<String, Object>>) plan.get("rows");
	}

	private static Map<String, String> actions(Map<String, Object> body) {
		Map<String, String> byPlace = new LinkedHashMap<>();
		planRows(body).forEach(r -> byPlace.put((String) r.get("place"), (String) r.get("action")));
		return byPlace;
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	private static byte[] zip(Map<String, String> files) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private String token(Role role, List<String> municipalities) {
		return AdminApi.tokenOf(accounts, tokens, role, municipalities);
	}

	private static void seed(String relative, String content) {
		FaqSeedFolder.write(root, relative, content);
	}
}
