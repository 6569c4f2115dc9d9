package jp.shisakunavi.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.system.StartupNotice;

/**
 * The first administrator, from the environment, before the web server takes requests.
 * <ul>
 * <li>With {@code ADMIN_PASSWORD}: the account {@code ADMIN_USERNAME} is created, or restored (管理者, all
 * municipalities, not revoked, unlocked) with that password — but only when the environment's password is not
 * the one applied last time. A restart with the same environment keeps a password changed in the console; a new
 * {@code ADMIN_PASSWORD} is the way back in for an operator locked out.</li>
 * <li>Without it (local mode): a one-time password and a one-time API token for each start, printed on the
 * console (standard output, not the log) and valid until the next start.</li>
 * <li>{@code ADMIN_API_TOKEN}: a bootstrap token acting as this administrator, for scripts that set up the rest.</li>
 * </ul>
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton, StartupNotice {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Accounts accounts;
	private final Credentials credentials;
	private final PasswordEncoder encoder;
	private final AuditLog audit;
	private final AccountProperties properties;
	private final Clock clock;
	private String accountId;
	private String oneTimePassword;
	private String oneTimeToken;
	private byte[] environmentTokenHash;
	private byte[] oneTimeTokenHash;

	FirstAdministrator(Accounts accounts, Credentials credentials, PasswordEncoder encoder, AuditLog audit,
			AccountProperties properties, Clock clock) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.encoder = encoder;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String username = PasswordPolicy.username(properties.username());
		String password = properties.password();
		if (properties.localMode()) {
			oneTimePassword = PasswordPolicy.generate();
			password = oneTimePassword;
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			oneTimeToken = ApiTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			oneTimeTokenHash = digest(oneTimeToken);
		}
		Optional<Account> existing = accounts.findByUsername(username);
		Optional<Credential> credential = existing.flatMap(a -> credentials.find(a.id()));
		boolean applied = credential.map(Credential::environmentHash).filter(h -> h != null && encoder.matches(properties.password(), h))
			.isPresent() && !properties.localMode() && !existing.get().revoked() && existing.get().role() == Role.ADMIN;
		Account account = existing.orElse(null);
		if (!applied) {
			account = accounts.restoreAdministrator(username);
			credentials.setFromEnvironment(account.id(), encoder.encode(password), clock.instant());
			if (!properties.localMode()) {
				audit.record(AuditChange.of("account.bootstrap", "環境変数 ADMIN_PASSWORD の管理者「" + username + "」を"
						+ (existing.isPresent() ? "設定し直しました" : "作成しました")).target(username));
				log.info("Administrator '{}' {} from ADMIN_USERNAME/ADMIN_PASSWORD", username, existing.isPresent() ? "restored" : "created");
			}
		}
		accountId = account.id();
		if (!properties.apiToken().isEmpty()) {
			environmentTokenHash = digest(properties.apiToken());
		}
	}

	@Override
	public List<String> lines(String baseUrl) {
		if (!properties.localMode()) {
			return List.of("Console sign-in:  user '" + properties.username() + "' with ADMIN_PASSWORD");
		}
		return List.of("Console sign-in:  local mode, user '" + properties.username()
				+ "' with the one-time password printed below (not logged; set ADMIN_PASSWORD in production)");
	}

	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void printOneTimeCredentials(ApplicationReadyEvent event) {
		if (oneTimePassword == null || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		String base = "http://localhost:" + web.getWebServer().getPort();
		System.out.printf("""

				  施策ナビ local mode — valid until the next start:
				    Console:            %s/admin/  user: %s  one-time password: %s
				    Admin API token:    %s
				                        curl -H "Authorization: Bearer %s" %s/admin/api/deliveries

				""", base, properties.username(), oneTimePassword, oneTimeToken, oneTimeToken, base);
	}

	/** The first administrator, when {@code secret} is ADMIN_API_TOKEN or this start's one-time token. */
	Optional<AccountAuthentication> authenticate(String secret) {
		byte[] presented = digest(secret);
		String name = environmentTokenHash != null && MessageDigest.isEqual(presented, environmentTokenHash) ? "ADMIN_API_TOKEN"
				: oneTimeTokenHash != null && MessageDigest.isEqual(presented, oneTimeTokenHash) ? "one-time token" : null;
		if (name == null) {
			return Optional.empty();
		}
		return accounts.find(accountId).filter(a -> !a.revoked()).map(a -> AccountAuthentication.token(a, name));
	}

	private static byte[] digest(String secret) {
		return java.util.HexFormat.of().parseHex(ApiTokens.hash(secret));
	}
}
