package jp.shisakunavi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.shisakunavi.AdminApi;
import jp.shisakunavi.audit.AuditLog;

/**
 * The first administrator at each start: the same environment keeps a password changed in the console; a new
 * ADMIN_PASSWORD replaces it and restores the account (管理者, not revoked, unlocked).
 */
@SpringBootTest
class FirstAdministratorTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Credentials credentials;

	@Autowired
	Passwords passwords;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	@Autowired
	AccountProperties properties;

	@Test
	void aRestartWithTheSameEnvironmentKeepsTheConsolesPasswordAndANewOneTakesOver() {
		Account admin = accounts.findByUsername("admin").orElseThrow();
		passwords.change(admin.id(), AdminApi.PASSWORD, "changed-in-the-console");

		start(AdminApi.PASSWORD);
		assertThat(password(admin)).isEqualTo("changed-in-the-console");

		accounts.create("second-admin", AccountDraft.of(Role.ADMIN, List.of()), null);
		accounts.revoke(admin.id());
		start("a-new-environment-password");
		Account restored = accounts.findByUsername("admin").orElseThrow();
		assertThat(restored.revoked()).isFalse();
		assertThat(restored.role()).isEqualTo(Role.ADMIN);
		assertThat(password(restored)).isEqualTo("a-new-environment-password");

		Instant applied = credentials.find(admin.id()).orElseThrow().changedAt();
		start("a-new-environment-password");
		assertThat(credentials.find(admin.id()).orElseThrow().changedAt()).as("nothing rewritten when nothing changed")
			.isEqualTo(applied);
	}

	private void start(String environmentPassword) {
		AccountProperties environment = new AccountProperties(properties.username(), environmentPassword, properties.apiToken(),
				properties.lockAfter(), properties.lockFor(), properties.slowDownAfter(), properties.delay(), properties.addressLimit());
		new FirstAdministrator(accounts, credentials, encoder, audit, environment, clock).afterSingletonsInstantiated();
	}

	private String password(Account account) {
		String hash = credentials.find(account.id()).orElseThrow().passwordHash();
		for (String candidate : new String[] { AdminApi.PASSWORD, "changed-in-the-console", "a-new-environment-password" }) {
			if (encoder.matches(candidate, hash)) {
				return candidate;
			}
		}
		return null;
	}
}
