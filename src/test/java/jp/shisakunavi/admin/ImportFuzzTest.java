package jp.shisakunavi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.system.WorkerPools;
import jp.shisakunavi.AdminApi;

/**
 * Evaluation files as an attacker or a confused user sends them: zip bombs, huge files, files of every wrong
 * type, damaged workbooks. Each gets a clear 4xx, never a 5xx, and the service goes on working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportFuzzTest {

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
	WorkerPools workers;

	@LocalServerPort
	int port;

	@Test
	void aSmallFileThatExpandsToAHugeSheetIsRefusedWithTheReason() throws IOException {
		byte[] bomb = XlsxBomb.expandingTo(95L * 1024 * 1024);
		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

		ResponseEntity<JsonNode> answer = upload("bomb.xlsx", bomb);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().path("detail").asText()).contains("大きすぎます");
	}

	@Test
	void filesOverTheUploadLimitAreRefusedWith413BeforeTheyAreSent() throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("POST /admin/api/evaluations/import HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Bearer " + AdminApi.TOKEN + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
					+ "Content-Length: " + 11 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();

			assertThat(status).startsWith("HTTP/1.1 413");
		}
	}

	@Test
	void aSheetWithMoreRowsThanARequestMayHoldIsRefusedWhileStreaming() throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet();
		String[] header = { "自治体", "施策ID", "年度", "評価" };
		for (int r = 0; r <= 6000; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < header.length; c++) {
				row.createCell(c).setCellValue(r == 0 ? header[c] : c == 0 ? "多治見市" : c == 1 ? "tajimi-4-1-01" : c == 2 ? "R5" : "A");
			}
		}

		ResponseEntity<JsonNode> answer = upload("many.xlsx", bytes(workbook));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().path("detail").asText()).contains("5000行まで");
	}

	@Test
	void aFormulaIsReadByTheValueExcelSavedWithIt() throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet();
		Row header = sheet.createRow(0);
		String[] names = { "自治体", "施策ID", "年度", "評価" };
		for (int c = 0; c < names.length; c++) {
			header.createCell(c).setCellValue(names[c]);
		}
		Row row = sheet.createRow(1);
		row.createCell(0).setCellValue("多治見市");
		row.createCell(1).setCellValue("tajimi-4-2-05");
		row.createCell(2).setCellValue("R4");
		// A function POI cannot evaluate, with the result Excel saved
		row.createCell(3).setCellFormula("WEBSERVICE(\"https://example.invalid/rating\")");
		row.getCell(3).setCellValue("C");

		ResponseEntity<JsonNode> answer = upload("formula.xlsx", bytes(workbook));

		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody().path("rows").asInt()).isEqualTo(1);
	}

	@Test
	void filesOfEveryWrongTypeAndDamagedWorkbooksGetA4xx() throws IOException {
		Random random = new Random(7);
		byte[] valid = validWorkbook();
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < 80; i++) {
			byte[] damaged = valid.clone();
			for (int flips = 0; flips <= i % 8; flips++) {
				damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
			}
			statuses.merge(upload(i % 2 == 0 ? "d.xlsx" : "d", damaged).getStatusCode().value(), 1, Integer::sum);
		}
		byte[] noise = new byte[4096];
		random.nextBytes(noise);
		for (String name : new String[] { "a.xlsx", "a.csv", "a.xls", "a.png", "a.docx", "a" }) {
			statuses.merge(upload(name, noise).getStatusCode().value(), 1, Integer::sum);
		}
		statuses.merge(upload("zip.xlsx", zipOf("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)))
			.getStatusCode().value(), 1, Integer::sum);
		statuses.merge(upload("nul.csv", "自治体,施策ID\n\0\0\0".getBytes(StandardCharsets.UTF_8)).getStatusCode().value(),
				1, Integer::sum);

		assertThat(statuses.keySet()).as("statuses " + statuses).allMatch(s -> s == 200 || (s >= 400 && s < 500));
		assertThat(upload("ok.xlsx", valid).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(workers.health().getStatus()).isEqualTo(Status.UP);
	}

	private static byte[] zipOf(String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static byte[] validWorkbook() throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet();
		String[][] cells = { { "自治体", "施策ID", "年度", "評価" }, { "多治見市", "tajimi-4-2-06", "R4", "B" } };
		for (int r = 0; r < cells.length; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < cells[r].length; c++) {
				row.createCell(c).setCellValue(cells[r][c]);
			}
		}
		return bytes(workbook);
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		workbook.close();
		return out.toByteArray();
	}

	private ResponseEntity<JsonNode> upload(String filename, byte[] content) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return admin().postForEntity("/admin/api/evaluations/import", new HttpEntity<>(form, headers), JsonNode.class);
	}

	private TestRestTemplate admin() {
		return AdminApi.admin(http);
	}
}
