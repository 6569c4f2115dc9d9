package jp.shisakunavi;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;

import jp.shisakunavi.account.AccountDraft;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.ApiTokens;
import jp.shisakunavi.account.Role;

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

	/** A token of a new account with {@code role}, limited to {@code municipalities} (empty: all). */
	public static String tokenOf(Accounts accounts, ApiTokens tokens, Role role, List<String> municipalities) {
		String name = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
		return tokens.issue(accounts.create(name, AccountDraft.of(role, municipalities), null).id(), "test").secret();
	}

	public static TestRestTemplate withToken(TestRestTemplate http, String token) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}
}
