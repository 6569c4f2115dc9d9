package jp.shisakunavi;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The admin API as scripts use it: with the bootstrap token of the environment's administrator. */
public final class AdminApi {

	public static final String PASSWORD = "test-secret-password";
	public static final String TOKEN = "test-admin-api-token-0123456789abcdef";

	private AdminApi() {
	}

	/** The first administrator's password and the bootstrap API token. */
	public static void credentials(DynamicPropertyRegistry registry) {
		registry.add("shisaku.admin.password", () -> PASSWORD);
		registry.add("shisaku.admin.api-token", () -> TOKEN);
	}

	/** {@code http} sending {@code Authorization: Bearer} with the bootstrap token. */
	public static TestRestTemplate admin(TestRestTemplate http) {
		return withToken(http, TOKEN);
	}

	public static TestRestTemplate withToken(TestRestTemplate http, String token) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}
}
