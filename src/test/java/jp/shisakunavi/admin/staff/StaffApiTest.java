package jp.shisakunavi.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.audit.AuditFilter;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.IssuedInvitation;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.users.LineUserId;

/**
 * The staff admin API over HTTP with API tokens: a 茅ヶ崎市 round owing nothing until the administrator uploads a
 * mapping (CP932 CSV), the mapping refused whole for one bad row, invitations, municipality limits and roles,
 * review and publication, the export, and the audit log of each change.
 */
@SuppressWarnings("unchecked")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffApiTest {

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
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Invitations invitations;

	@Autowired
	Reports reports;

	@Autowired
	AuditLog audit;

	@Test
	void aRoundOfAPlanWithoutDepartmentsOwesByTheUploadedMapping() {
		TestRestTemplate admin = AdminApi.admin(http);
		Map<String, Object> round = open(admin, "茅ヶ崎市", "chigasaki-1", 2022, false);
		String roundId = (String) round.get("id");
		assertThat((List<?>) round.get("unassigned")).as("the document names no departments").isNotEmpty();
		assertThat(obligations(admin, roundId, null)).isEmpty();

		String refused = "施策ID,担当課,関係課\r\nchigasaki-1-1-01-2-1,情報推進課,健康増進課\r\nchigasaki-9-9,情報推進課,\r\n";
		ResponseEntity<Object> bad = upload(admin, "chigasaki-1", refused.getBytes(Charset.forName("windows-31j")));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((List<Map<String, Object>>) ((Map<?, ?>) bad.getBody()).get("errors")).singleElement()
			.satisfies(e -> assertThat(e.get("row")).isEqualTo(3));

		String mapping = "施策ID,担当課,関係課\r\nchigasaki-1-1-01-2-1,情報推進課,健康増進課\r\nchigasaki-1-1-01-2-2,保険年金課,\r\n";
		assertThat(upload(admin, "chigasaki-1", mapping.getBytes(Charset.forName("windows-31j"))).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(obligations(admin, roundId, null))
			.extracting(o -> o.get("unitId"), o -> o.get("department"), o -> o.get("commenting"))
			.containsExactly(tuple("chigasaki-1-1-01-2-1", "情報推進課", List.of("健康増進課")),
					tuple("chigasaki-1-1-01-2-2", "保険年金課", List.of()));
		assertThat(audit.find(new AuditFilter(null, "staff.mapping.import", null, null, null, null), 0).entries())
			.hasSize(1);
	}

	@Test
	void limitedAccountsActOnlyOnTheirCityAndViewersChangeNothing() {
		String tajimiEditor = AdminApi.tokenOf(accounts, tokens, Role.EDITOR, List.of("多治見市"));
		String viewer = AdminApi.tokenOf(accounts, tokens, Role.VIEWER, List.of());
		TestRestTemplate editor = AdminApi.withToken(http, tajimiEditor);
		Map<String, Object> invitation = Map.of("municipality", "茅ヶ崎市", "departments", List.of("情報推進課"),
				"role", "REPORTER");

		assertThat(editor.postForEntity("/admin/api/staff/invitations", invitation, String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(AdminApi.withToken(http, viewer)
			.postForEntity("/admin/api/staff/invitations", Map.of("municipality", "多治見市", "departments",
					List.of("情報課"), "role", "REPORTER"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<Map<String, Object>> issued = editor.exchange("/admin/api/staff/invitations", HttpMethod.POST,
				new HttpEntity<>(Map.of("municipality", "多治見市", "departments", List.of("情報課"), "role", "COORDINATOR",
						"name", "取りまとめ 花子")),
				new ParameterizedTypeReference<>() {
				});
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat((String) issued.getBody().get("code")).matches("[0-9]{6}");
		assertThat(issued.getBody().get("message")).isEqualTo("職員登録 " + issued.getBody().get("code"));

		List<Map<String, Object>> listed = editor.exchange("/admin/api/staff/invitations", HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
		assertThat(listed).allSatisfy(i -> assertThat(((Map<?, ?>) i.get("invitation")).get("municipality")).isEqualTo("多治見市"));
		assertThat(listed).extracting(i -> i.get("statusLabel")).contains("未使用");
		assertThat(listed.toString()).doesNotContain("codeHash");
	}

	@Test
	void reviewPublicationAndExportThroughTheApi() throws Exception {
		TestRestTemplate admin = AdminApi.admin(http);
		Map<String, Object> round = open(admin, "多治見市", "tajimi-3", 2019, false);
		String roundId = (String) round.get("id");
		StaffMember reporter = member("福祉課", StaffRole.REPORTER);
		Map<String, Object> voice = obligations(admin, roundId, "福祉課").stream()
			.filter(o -> o.get("unitId").equals("tajimi-3-1-02"))
			.findFirst()
			.orElseThrow();
		String id = (String) voice.get("id");
		reports.submit(StaffActor.of(reporter), id, 0, new ReportDraft("A", "点字版も毎号発行しました。", "利用者の声を集めること", null));
		TestRestTemplate viewer = AdminApi.withToken(http, AdminApi.tokenOf(accounts, tokens, Role.VIEWER, List.of()));

		assertThat(viewer.postForEntity("/admin/api/staff/obligations/" + id + "/approve?version=1", null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.postForEntity("/admin/api/staff/obligations/" + id + "/approve?version=0", null, String.class)
			.getStatusCode()).as("a stale version").isEqualTo(HttpStatus.CONFLICT);
		ResponseEntity<Map<String, Object>> approved = admin.exchange("/admin/api/staff/obligations/" + id
				+ "/approve?version=1", HttpMethod.POST, null, new ParameterizedTypeReference<>() {
				});
		assertThat(approved.getBody().get("status")).isEqualTo("APPROVED");

		ResponseEntity<Map<String, Object>> published = admin.exchange("/admin/api/staff/rounds/" + roundId + "/publish",
				HttpMethod.POST, null, new ParameterizedTypeReference<>() {
				});
		assertThat((List<?>) published.getBody().get("published")).hasSize(1);
		assertThat(published.getBody().get("ratingChanges")).isEqualTo(1);

		ResponseEntity<Map<String, Object>> progress = admin.exchange("/admin/api/staff/rounds/" + roundId, HttpMethod.GET,
				null, new ParameterizedTypeReference<>() {
				});
		assertThat((List<Map<String, Object>>) progress.getBody().get("departments"))
			.filteredOn(d -> d.get("department").equals("福祉課")).singleElement()
			.satisfies(d -> assertThat(d.get("published")).isEqualTo(1));

		ResponseEntity<byte[]> export = admin.getForEntity("/admin/api/staff/rounds/" + roundId + "/export?format=csv",
				byte[].class);
		List<CSVRecord> rows = csv(export.getBody());
		assertThat(rows.getFirst().toList()).containsExactly("施策", "担当課", "評価", "実績", "課題", "状況");
		assertThat(rows).filteredOn(r -> r.get(1).equals("福祉課") && r.get(0).equals("公聴広報におけるバリアフリーの推進"))
			.singleElement()
			.satisfies(r -> assertThat(r.toList()).containsExactly("公聴広報におけるバリアフリーの推進", "福祉課", "A",
					"点字版も毎号発行しました。", "利用者の声を集めること", "公開済"));
		ResponseEntity<byte[]> xlsx = admin.getForEntity("/admin/api/staff/rounds/" + roundId + "/export?format=xlsx",
				byte[].class);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("状況");
			assertThat(sheet.getLastRowNum()).isEqualTo(rows.size() - 1);
		}
		assertThat(audit.find(new AuditFilter(null, "staff.round.publish", null, null, null, null), 0).entries())
			.singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
	}

	private StaffMember member(String department, StaffRole role) {
		IssuedInvitation issued = invitations.issue(new InvitationRequest("多治見市", List.of(department), role, null), "admin");
		return ((Registration.Registered) invitations.register(LineUserId.of("U" + issued.code() + "0".repeat(26)),
				issued.code())).member();
	}

	private Map<String, Object> open(TestRestTemplate client, String municipality, String plan, int year,
			boolean headFirst) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		ResponseEntity<Map<String, Object>> opened = client.exchange("/admin/api/staff/rounds", HttpMethod.POST,
				new HttpEntity<>(Map.of("municipality", municipality, "planId", plan, "fiscalYear", year, "opensOn",
						today.toString(), "dueOn", today.plusDays(14).toString(), "headApprovalFirst", headFirst)),
				new ParameterizedTypeReference<>() {
				});
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return opened.getBody();
	}

	private List<Map<String, Object>> obligations(TestRestTemplate client, String roundId, String department) {
		return client.exchange("/admin/api/staff/rounds/" + roundId + "/obligations"
				+ (department == null ? "" : "?department={d}"), HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}, department == null ? new Object[0] : new Object[] { department }).getBody();
	}

	private ResponseEntity<Object> upload(TestRestTemplate client, String plan, byte[] content) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return "mapping.csv";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return client.exchange("/admin/api/staff/mappings?plan=" + plan, HttpMethod.POST, new HttpEntity<>(form, headers),
				Object.class);
	}

	static List<CSVRecord> csv(byte[] content) throws Exception {
		String text = new String(content, StandardCharsets.UTF_8);
		return CSVFormat.EXCEL.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)).getRecords();
	}
}
