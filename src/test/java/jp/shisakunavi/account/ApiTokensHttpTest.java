package jp.shisakunavi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.audit.AuditFilter;
import jp.shisakunavi.audit.AuditLog;

/**
 * API tokens over real HTTP: a valid one acts with its account's role and municipalities; a revoked token, a
 * token of a revoked account and a wrong token get 401; a client that sent too many wrong ones gets 429 before
 * its tokens are looked up. Every use is in the audit log under the token's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokensHttpTest {

	static final String CHIGASAKI_ROW = "[{\"municipality\":\"茅ケ崎市\",\"measureTitle\":\"災害時要援護者支援システムの管理\",\"fiscalYear\":\"R4\",\"rating\":\"B\"}]";
	static final String TAJIMI_ROW = "[{\"municipality\":\"多治見市\",\"measureId\":\"tajimi-4-1-05\",\"fiscalYear\":\"R5\",\"rating\":\"A\"}]";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
		// Wrong tokens come from the clients X-Forwarded-For names, so that each test is its own client.
		registry.add("server.forward-headers-strategy", () -> "native");
		registry.add("shisaku.admin.address-limit", () -> "5");
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog audit;

	final HttpClient client = HttpClient.newHttpClient();
	final ObjectMapper json = new ObjectMapper();

	@Test
	void aTokenActsWithItsAccountsRoleAndMunicipalitiesAndIsAudited() {
		Account editor = accounts.create(unique("editor"), AccountDraft.of(Role.EDITOR, List.of("茅ヶ崎市")), null);
		String secret = tokens.issue(editor.id(), "取り込みスクリプト").secret();

		ResponseEntity<JsonNode> own = post(secret, "10.1.0.1", CHIGASAKI_ROW);
		ResponseEntity<JsonNode> other = post(secret, "10.1.0.1", TAJIMI_ROW);

		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(other.getBody().get("detail").asText()).contains("多治見市").contains("茅ヶ崎市");
		assertThat(tokens.ofAccount(editor.id()).getFirst().lastUsedAt()).isNotNull();
		assertThat(audit.find(new AuditFilter(editor.username(), "evaluations.submit", "茅ヶ崎市", null, null, null), 0).entries())
			.singleElement().satisfies(e -> assertThat(e.via()).isEqualTo("api:取り込みスクリプト"));
	}

	@Test
	void aViewersTokenReadsButCannotChangeAnything() {
		Account viewer = accounts.create(unique("viewer"), AccountDraft.of(Role.VIEWER, List.of()), null);
		String secret = tokens.issue(viewer.id(), "読み取り").secret();

		assertThat(get(secret, "10.2.0.1", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> post = post(secret, "10.2.0.1", CHIGASAKI_ROW);
		assertThat(post.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post.getBody().get("detail").asText()).contains("閲覧者");
	}

	@Test
	void revokedTokensTokensOfRevokedAccountsAndWrongTokensGet401() {
		Account editor = accounts.create(unique("revoked"), AccountDraft.of(Role.EDITOR, List.of()), null);
		IssuedToken revoked = tokens.issue(editor.id(), "古いスクリプト");
		String ofRevokedAccount = tokens.issue(editor.id(), "新しいスクリプト").secret();
		tokens.revoke(revoked.token().id());

		assertThat(get(revoked.secret(), "10.3.0.1", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get(ofRevokedAccount, "10.3.0.2", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.OK);
		accounts.revoke(editor.id());
		assertThat(get(ofRevokedAccount, "10.3.0.2", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<JsonNode> wrong = get("snv_" + "x".repeat(43), "10.3.0.3", "/admin/api/deliveries");
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(get(null, "10.3.0.3", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aClientWithTooManyWrongTokensIsRefusedEvenWithARightOneUntilTheWindowPasses() {
		for (int i = 0; i < 5; i++) {
			assertThat(get("snv_wrong-" + i, "10.4.0.1", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		ResponseEntity<JsonNode> throttled = get(AdminApi.TOKEN, "10.4.0.1", "/admin/api/deliveries");
		assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
		assertThat(get(AdminApi.TOKEN, "10.4.0.2", "/admin/api/deliveries").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aSessionCookieWithoutTheCsrfTokenIsRefusedAndBasicAuthenticationIsGone() {
		HttpHeaders cookie = new HttpHeaders();
		cookie.add(HttpHeaders.COOKIE, "SHISAKU_SESSION=" + UUID.randomUUID());
		cookie.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> withCookie = http.postForEntity("/admin/api/evaluations", new HttpEntity<>(CHIGASAKI_ROW, cookie), JsonNode.class);
		assertThat(withCookie.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(withCookie.getBody().get("detail").asText()).contains("CSRF");

		ResponseEntity<JsonNode> basic = http.withBasicAuth("admin", AdminApi.PASSWORD).getForEntity("/admin/api/deliveries", JsonNode.class);
		assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<JsonNode> post(String token, String address, String json) {
		return send(request(token, address, "/admin/api/evaluations").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private ResponseEntity<JsonNode> get(String token, String address, String path) {
		return send(request(token, address, path).GET());
	}

	private HttpRequest.Builder request(String token, String address, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).header("X-Forwarded-For", address);
		return token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	/** Sent with the JDK's client, which (unlike the pooled one) does not wait out a 429's Retry-After by itself. */
	private ResponseEntity<JsonNode> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			HttpHeaders headers = new HttpHeaders();
			answer.headers().map().forEach(headers::addAll);
			return ResponseEntity.status(answer.statusCode()).headers(headers)
				.body(answer.body().isEmpty() ? null : json.readTree(answer.body()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
