package jp.shisakunavi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.plan.RatingChange;

/** The admin API for evaluations over HTTP, on the embedded MongoDB: JSON, CSV in both encodings, Excel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationApiTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	Plans plans;

	@Autowired
	MongoTemplate mongo;

	@Test
	void withoutLoginEvaluationsAreRefused() {
		ResponseEntity<String> json = http.postForEntity("/admin/api/evaluations",
				jsonBody("[{\"municipality\":\"多治見市\",\"measureId\":\"tajimi-4-1-01\",\"fiscalYear\":\"R5\",\"rating\":\"A\"}]"),
				String.class);
		ResponseEntity<String> file = http.postForEntity("/admin/api/evaluations/import",
				upload("e.csv", "municipality,measureId,fiscalYear,rating\n".getBytes(StandardCharsets.UTF_8)),
				String.class);
		ResponseEntity<String> wrongPassword = AdminApi.withToken(http, "snv_wrong")
			.postForEntity("/admin/api/replay?plan=chigasaki-1", null, String.class);

		assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(file.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rating("tajimi-4-1-01", 2023)).isNull();
	}

	@Test
	void jsonEvaluationsAnswerTheChangesAndTheHistoryShowsThem() {
		ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/evaluations?urgent=true", jsonBody("""
				[{"municipality": "多治見市", "measureId": "tajimi-4-1-10", "fiscalYear": 2023, "rating": "C",
				  "comment": "予算の見直し"},
				 {"municipality": "多治見市", "plan": "第4次多治見市情報化計画",
				  "measureTitle": "防犯カメラの設置に関する取組み", "fiscalYear": "令和4年度", "rating": "B"}]
				"""), JsonNode.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = answer.getBody();
		assertThat(body.get("rows").asInt()).isEqualTo(2);
		assertThat(body.get("unchanged").asInt()).isEqualTo(1);
		JsonNode change = body.get("changes").get(0);
		assertThat(body.get("changes")).hasSize(1);
		assertThat(change.get("kind").asText()).isEqualTo("NEW_YEAR");
		assertThat(change.get("planTitle").asText()).isEqualTo("第4次多治見市情報化計画");
		assertThat(change.get("oldRating").asText() + "→" + change.get("newRating").asText()).isEqualTo("B→C");
		assertThat(change.get("newMeaning").asText()).isEqualTo("目標に向けて実施");
		assertThat(mongo.findById(change.get("id").asText(), RatingChange.class).urgent()).isTrue();

		ResponseEntity<JsonNode> history = http.getForEntity("/api/measures/tajimi-4-1-10/history", JsonNode.class);
		assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(history.getBody()).singleElement().satisfies(entry -> {
			assertThat(entry.get("fiscalYearLabel").asText()).isEqualTo("令和5年度");
			assertThat(entry.get("comment").asText()).isEqualTo("予算の見直し");
			assertThat(entry.has("deliveryPlanned")).isFalse();
		});
		assertThat(http.getForEntity("/api/measures/tajimi-4-1-01/history", JsonNode.class).getBody()).isEmpty();
		ResponseEntity<JsonNode> unknown = http.getForEntity("/api/measures/nothing-1/history", JsonNode.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody().get("detail").asText()).contains("nothing-1");
	}

	@Test
	void oneBadRowRefusesTheWholeRequestWithRowReasonsAndChangesNothing() {
		List<Measure> before = plans.measures();
		long changes = mongo.count(new Query(), RatingChange.class);

		ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/evaluations", jsonBody("""
				[{"municipality": "多治見市", "measureId": "tajimi-4-1-05", "fiscalYear": "R5", "rating": "A"},
				 {"municipality": "多治見市", "measureId": "tajimi-4-1-06", "fiscalYear": "R5", "rating": "E"},
				 {"municipality": "小山市", "measureTitle": "存在しない施策", "fiscalYear": "R4", "rating": "A"}]
				"""), JsonNode.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("detail").asText()).contains("どの行も登録していません");
		JsonNode errors = answer.getBody().get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
		assertThat(errors.get(0).get("field").asText()).isEqualTo("rating");
		assertThat(errors.get(0).get("reason").asText()).contains("E").contains("A, B, C, D");
		assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
		assertThat(plans.measures()).isEqualTo(before);
		assertThat(mongo.count(new Query(), RatingChange.class)).isEqualTo(changes);
	}

	@Test
	void badJsonGets400() {
		assertThat(admin().postForEntity("/admin/api/evaluations", jsonBody("{\"municipality\": "), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<JsonNode> empty = admin().postForEntity("/admin/api/evaluations", jsonBody("[]"), JsonNode.class);
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody().get("detail").asText()).isNotBlank();
	}

	@Test
	void csvInUtf8WithEnglishHeaders() {
		JsonNode body = imported("evaluations.csv", """
				municipality,plan,measureId,fiscalYear,rating,comment
				多治見市,tajimi-4,tajimi-4-2-03,2023,B,"前年度より後退, 要確認"
				""".getBytes(StandardCharsets.UTF_8));

		assertThat(body.get("changes")).singleElement()
			.satisfies(c -> assertThat(c.get("oldRating").asText() + c.get("newRating").asText()).isEqualTo("AB"));
		assertThat(rating("tajimi-4-2-03", 2023)).isEqualTo("B");
	}

	@Test
	void csvWithByteOrderMarkAndJapaneseHeaders() {
		byte[] text = """
				自治体,施策名,年度,評価,担当課,備考
				茅ヶ崎市,災害時要援護者支援システムの管理,令和4年度,B,,
				""".getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);

		JsonNode body = imported("評価.csv", withBom);

		assertThat(body.get("changes")).singleElement().satisfies(c -> {
			assertThat(c.get("unitId").asText()).isEqualTo("chigasaki-1-1-01-1-1");
			assertThat(c.get("kind").asText()).isEqualTo("CORRECTION");
		});
	}

	@Test
	void csvInShiftJis() {
		byte[] cp932 = """
				市,計画,施策名,年度,評価,コメント
				多治見市,第4次多治見市情報化計画,被災者支援システムの運用,R5,Ａ,システム更新～運用開始
				""".getBytes(Charset.forName("windows-31j"));

		JsonNode body = imported("hyouka.csv", cp932);

		assertThat(body.get("changes")).singleElement().satisfies(c -> {
			assertThat(c.get("unitTitle").asText()).isEqualTo("被災者支援システムの運用");
			assertThat(c.get("newRating").asText()).isEqualTo("A");
		});
		assertThat(mongo.findById(body.get("changes").get(0).get("id").asText(), RatingChange.class).comment())
			.isEqualTo("システム更新～運用開始");
	}

	@Test
	void excelWorkbook() throws IOException {
		byte[] xlsx = workbook(List.of(List.of("自治体", "施策ID", "年度", "評価"),
				List.of("多治見市", "tajimi-4-2-04", "2023", "D")), true);

		JsonNode body = imported("evaluations.xlsx", xlsx);

		assertThat(body.get("changes")).singleElement()
			.satisfies(c -> assertThat(c.get("newRating").asText()).isEqualTo("D"));
		assertThat(rating("tajimi-4-2-04", 2023)).isEqualTo("D");
	}

	@Test
	void aBadRowInAFileIsNamedByItsLineAndNothingIsStored() {
		ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/evaluations/import", upload("e.csv", """
				municipality,measureId,fiscalYear,rating
				多治見市,tajimi-4-2-05,R5,A

				多治見市,tajimi-4-2-06,R5,Q
				""".getBytes(StandardCharsets.UTF_8)), JsonNode.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("errors")).singleElement().satisfies(e -> {
			assertThat(e.get("row").asInt()).isEqualTo(4);
			assertThat(e.get("field").asText()).isEqualTo("rating");
		});
		assertThat(rating("tajimi-4-2-05", 2023)).isNull();
	}

	@Test
	void brokenFilesGet400WithAReasonAndChangeNothing() throws IOException {
		long changes = mongo.count(new Query(), RatingChange.class);
		byte[] excel = workbook(List.of(List.of("自治体", "施策ID", "年度", "評価"),
				List.of("多治見市", "tajimi-4-2-07", "2023", "A")), false);
		Map<String, byte[]> broken = Map.of(
				"renamed.csv", excel,
				"empty.csv", new byte[0],
				"columns.csv", "自治体,年度\n多治見市,R5\n".getBytes(StandardCharsets.UTF_8),
				"header-only.csv", "自治体,施策ID,年度,評価\n".getBytes(StandardCharsets.UTF_8),
				"binary.csv", new byte[] { 0, 1, 2, 3, (byte) 0xFF, 0x10 },
				"fake.xlsx", "自治体,施策ID,年度,評価\n".getBytes(StandardCharsets.UTF_8),
				"broken.xlsx", java.util.Arrays.copyOf(excel, excel.length / 2),
				"report.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
				"typo.csv", "自治体,施策ID,年度,評 判\n多治見市,tajimi-4-2-07,R5,A\n".getBytes(StandardCharsets.UTF_8));

		broken.forEach((name, content) -> {
			ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/evaluations/import",
					upload(name, content), JsonNode.class);
			assertThat(answer.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody().get("detail").asText()).as(name).isNotBlank();
		});
		assertThat(admin().postForEntity("/admin/api/evaluations/import", upload("renamed.csv", excel), JsonNode.class)
			.getBody().get("detail").asText()).contains(".xlsx");
		assertThat(rating("tajimi-4-2-07", 2023)).isNull();
		assertThat(mongo.count(new Query(), RatingChange.class)).isEqualTo(changes);
	}

	private JsonNode imported(String name, byte[] content) {
		ResponseEntity<JsonNode> answer = admin().postForEntity("/admin/api/evaluations/import", upload(name, content),
				JsonNode.class);
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private TestRestTemplate admin() {
		return AdminApi.admin(http);
	}

	private String rating(String measureId, int year) {
		return plans.measure(measureId).orElseThrow().evaluations().stream()
			.filter(e -> e.fiscalYear() == year)
			.findFirst()
			.map(e -> e.rating())
			.orElse(null);
	}

	private static HttpEntity<String> jsonBody(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(json, headers);
	}

	private static HttpEntity<LinkedMultiValueMap<String, Object>> upload(String filename, byte[] content) {
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(parts, headers);
	}

	/** A workbook as Excel writes it; the year as a number cell when asked, as staff often type it. */
	private static byte[] workbook(List<List<String>> rows, boolean numericYears) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("評価");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					String value = rows.get(r).get(c);
					if (numericYears && r > 0 && value.matches("\\d{4}")) {
						row.createCell(c).setCellValue(Integer.parseInt(value));
					}
					else {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
