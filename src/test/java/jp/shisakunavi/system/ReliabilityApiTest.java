package jp.shisakunavi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.ResourceAccessException;

import com.fasterxml.jackson.databind.JsonNode;
import jp.shisakunavi.AdminApi;

/**
 * What operators and attackers meet: bodies over their limit refused unread, Tomcat's own refusals as JSON, the
 * APIs closed until the service is ready, health details and metrics for administrators only, the API described.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class ReliabilityApiTest {

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
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void bodiesOverTheirEndpointsLimitAreRefusedWith413() {
		ResponseEntity<JsonNode> admin = refused(() -> admin().postForEntity("/admin/api/evaluations",
				json("[" + "{\"municipality\":\"多治見市\"},".repeat(80_000) + "{}]"), JsonNode.class));
		ResponseEntity<JsonNode> simulator = refused(() -> http.postForEntity("/simulator/messages",
				json("{\"text\":\"" + "あ".repeat(40_000) + "\"}"), JsonNode.class));

		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(admin.getBody().path("detail").asText()).contains("2048 KB");
		assertThat(simulator.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
	}

	@Test
	void requestsTomcatRefusesItselfGetTheApisJson() throws Exception {
		List<String> answer = raw("GET /api/search?q=<script>|{} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.getFirst()).startsWith("HTTP/1.1 400");
		assertThat(answer).anyMatch(line -> line.toLowerCase().startsWith("content-type: application/problem+json"));
		assertThat(answer.getLast()).contains("\"status\":400").doesNotContain("Tomcat").doesNotContain("<html");
	}

	@Test
	void untilTheServiceIsReadyTheApisAnswer503AndReadinessIsDown() {
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		try {
			ResponseEntity<JsonNode> plans = http.getForEntity("/api/plans", JsonNode.class);
			assertThat(plans.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(plans.getHeaders().getFirst("Retry-After")).isEqualTo("5");
			assertThat(http.getForEntity("/actuator/health/readiness", JsonNode.class).getStatusCode())
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(http.getForEntity("/actuator/health/liveness", JsonNode.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
		finally {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(http.getForEntity("/api/plans", JsonNode.class).getBody()).isNotEmpty();
		assertThat(http.getForEntity("/actuator/health/readiness", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void healthDetailsAndMetricsAreForAdministratorsOnly() {
		JsonNode anonymous = http.getForObject("/actuator/health", JsonNode.class);
		JsonNode administrator = admin().getForObject("/actuator/health", JsonNode.class);

		assertThat(anonymous.path("status").asText()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
		assertThat(anonymous.toString()).doesNotContain(dataDir.toString()).doesNotContain("free");
		assertThat(administrator.path("components").path("workers").path("status").asText()).isEqualTo("UP");
		assertThat(administrator.path("components").path("workers").path("details").toString())
			.contains("line-answer", "delivery-send", "delivery-planning");
		assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(admin().getForObject("/actuator/prometheus", String.class))
			.contains("shisaku_workers_alive", "shisaku_line_queue", "http_server_requests_seconds");
	}

	@Test
	void theOpenDataAndAdminApisAreDescribed() {
		JsonNode openData = http.getForObject("/v3/api-docs/open-data", JsonNode.class);
		JsonNode admin = http.getForObject("/v3/api-docs/admin", JsonNode.class);

		assertThat(openData.path("paths").has("/api/plans")).isTrue();
		assertThat(openData.path("paths").has("/admin/api/evaluations")).isFalse();
		assertThat(admin.path("paths").has("/admin/api/evaluations")).isTrue();
		assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private List<String> raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			List<String> lines = new ArrayList<>();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(line);
			}
			return lines;
		}
	}

	/**
	 * The answer to a request whose body is refused unread: the server may answer and close while the client is
	 * still sending, and the client then reports a broken pipe instead of the answer; sending again gives it.
	 */
	private static ResponseEntity<JsonNode> refused(Supplier<ResponseEntity<JsonNode>> request) {
		for (int attempt = 1;; attempt++) {
			try {
				return request.get();
			}
			catch (ResourceAccessException e) {
				if (attempt == 3) {
					throw e;
				}
			}
		}
	}

	private TestRestTemplate admin() {
		return AdminApi.admin(http);
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}
}
