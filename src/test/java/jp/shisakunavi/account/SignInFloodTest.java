package jp.shisakunavi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;

/**
 * Floods of wrong passwords are refused before any password is hashed: the encoder counts every hash, and the
 * counts stay at the few attempts the limits let through, however many requests come.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInFloodTest {

	static final AtomicInteger HASHES = new AtomicInteger();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
		// Client addresses come from X-Forwarded-For, as behind a proxy, so that one test can be many clients.
		registry.add("server.forward-headers-strategy", () -> "native");
	}

	@TestConfiguration
	static class CountingEncoder {

		@Bean
		@Primary
		PasswordEncoder countingPasswordEncoder() {
			PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			return new PasswordEncoder() {
				@Override
				public String encode(CharSequence raw) {
					HASHES.incrementAndGet();
					return real.encode(raw);
				}

				@Override
				public boolean matches(CharSequence raw, String encoded) {
					HASHES.incrementAndGet();
					return real.matches(raw, encoded);
				}
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;


	@Test
	void twoHundredWrongPasswordsForOneAccountCostAFewHashesAndThenTheRightOneIsRefusedToo() throws Exception {
		String username = "flooded-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, AccountDraft.of(Role.EDITOR, List.of()), "the-right-password");
		Client client = new Client("198.51.100.7");
		int before = HASHES.get();

		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			answers.add(client.signIn(username, "wrong-" + i));
		}
		String right = client.signIn(username, "the-right-password");

		assertThat(answers).allMatch(a -> a.contains("/admin/login?error="));
		assertThat(HASHES.get() - before).isLessThanOrEqualTo(10);
		assertThat(right).contains("/admin/login?error=").doesNotContain("error=wrong");
	}

	@Test
	void oneClientTryingManyUserNamesIsRefusedAfterItsLimitWithoutHashing() throws Exception {
		String username = "neighbour-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, AccountDraft.of(Role.EDITOR, List.of()), "the-right-password");
		Client client = new Client("198.51.100.8");
		int before = HASHES.get();

		List<String> answers = new ArrayList<>();
		for (int i = 0; answers.isEmpty() || !answers.getLast().contains("error=address"); i++) {
			assertThat(i).as("attempts before the address is refused").isLessThan(5000);
			answers.add(client.signIn("nobody-" + i, "password-" + i));
		}
		String right = client.signIn(username, "the-right-password");

		assertThat(answers).allMatch(a -> a.endsWith("error=wrong") || a.contains("error=busy") || a.contains("error=address"));
		assertThat(answers.stream().filter(a -> a.endsWith("error=wrong"))).hasSize(30);
		assertThat(HASHES.get() - before).isEqualTo(30);
		assertThat(right).contains("error=address");
	}

	@Test
	void aFloodFromManyClientsBuysAtMostTheInstancesHashingBudget() throws Exception {
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			clients.add(new Client("203.0.113." + i));
		}
		int before = HASHES.get();
		long started = System.nanoTime();

		List<String> answers = new ArrayList<>();
		for (int i = 0; i < clients.size(); i++) {
			answers.add(clients.get(i).signIn("someone-" + i, "guess-" + i));
		}
		double seconds = (System.nanoTime() - started) / 1e9;

		int hashes = HASHES.get() - before;
		assertThat(answers).allMatch(a -> a.endsWith("error=wrong") || a.contains("error=busy"));
		assertThat(answers).anyMatch(a -> a.contains("error=busy"));
		assertThat(hashes).as("%d hashes in %.1f s", hashes, seconds)
			.isLessThanOrEqualTo(SignInThrottle.HASHES_PER_SECOND * (int) Math.ceil(seconds + 1));
	}

	/** One client address: the sign-in page's CSRF cookie and token, then form posts. */
	final class Client {

		private final String address;
		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		private String csrf;

		Client(String address) throws Exception {
			this.address = address;
			String page = http.send(request("/admin/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(token.find()).isTrue();
			csrf = token.group(1);
		}

		/** @return where the sign-in sent the browser (the Location header) */
		String signIn(String username, String password) throws Exception {
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			HttpResponse<String> answer = http.send(request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(302);
			return answer.headers().firstValue("Location").orElseThrow();
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", address);
		}
	}
}
