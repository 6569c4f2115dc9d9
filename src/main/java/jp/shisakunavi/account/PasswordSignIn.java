package jp.shisakunavi.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;

/**
 * Signs in with a user name and a password. Everything that can refuse without hashing comes first — the client
 * address's failures, the lengths, the account's lock and slow-down (one attempt per account at a time), the
 * instance's hashing budget — so that only an attempt that passed all of them costs a bcrypt hash. Unknown and
 * revoked user names cost the same hash as a wrong password, so that answers do not tell which names exist.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final Accounts accounts;
	private final Credentials credentials;
	private final SignInThrottle throttle;
	private final PasswordEncoder encoder;
	private final AuditLog audit;
	private final AccountProperties properties;
	private final Clock clock;
	private final String unknownUserHash;

	PasswordSignIn(Accounts accounts, Credentials credentials, SignInThrottle throttle, PasswordEncoder encoder,
			AuditLog audit, AccountProperties properties, Clock clock) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.throttle = throttle;
		this.encoder = encoder;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.unknownUserHash = encoder.encode(PasswordPolicy.generate());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		String username = attempt.getName() == null ? "" : attempt.getName().strip();
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		throttle.checkAddress(address);
		if (username.isEmpty() || username.length() > PasswordPolicy.MAX_USERNAME || password.isEmpty()
				|| password.length() > PasswordPolicy.MAX_PASSWORD) {
			throttle.failed(address);
			throw SignInRefused.wrong();
		}
		Optional<Account> found = accounts.findByUsername(username).filter(a -> !a.revoked());
		Optional<Credential> stored = found.flatMap(a -> credentials.find(a.id())).filter(c -> c.passwordHash() != null);
		if (stored.isEmpty()) {
			hashOrRefuse(null);
			encoder.matches(password, unknownUserHash);
			throttle.failed(address);
			throw SignInRefused.wrong();
		}
		Account account = found.get();
		Credential credential = claim(account);
		hashOrRefuse(credential);
		if (encoder.matches(password, credential.passwordHash())) {
			credentials.succeeded(account.id());
			return AccountAuthentication.session(account, credential.changedAt());
		}
		throttle.failed(address);
		Credential after = credentials.failed(credential, clock.instant());
		if (after.lockedUntil() != null) {
			audit.record(AuditChange.of("account.locked", "パスワードが" + properties.lockAfter() + "回続けて違ったため、アカウント「"
					+ account.username() + "」を" + properties.lockFor().toMinutes() + "分間ロックしました").target(account.username()));
			throw new SignInRefused(SignInRefused.Reason.LOCKED, properties.lockFor());
		}
		throw SignInRefused.wrong();
	}

	/** The current password, checked with the same limits as a sign-in (for changing one's own password). */
	boolean matches(Account account, String password) {
		if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_PASSWORD) {
			return false;
		}
		Credential credential = claim(account);
		hashOrRefuse(credential);
		if (encoder.matches(password, credential.passwordHash())) {
			credentials.succeeded(account.id());
			return true;
		}
		credentials.failed(credential, clock.instant());
		return false;
	}

	private Credential claim(Account account) {
		Instant now = clock.instant();
		Optional<Credential> claimed = credentials.claim(account.id(), now);
		if (claimed.isPresent()) {
			return claimed.get();
		}
		Credential current = credentials.find(account.id()).orElseThrow(SignInRefused::wrong);
		if (current.lockedAt(now)) {
			throw new SignInRefused(SignInRefused.Reason.LOCKED, Duration.between(now, current.lockedUntil()));
		}
		throw new SignInRefused(SignInRefused.Reason.SLOW_DOWN,
				current.nextAttemptAt() == null ? Duration.ZERO : Duration.between(now, current.nextAttemptAt()));
	}

	private void hashOrRefuse(Credential claimed) {
		if (!throttle.takeHash()) {
			if (claimed != null) {
				credentials.release(claimed.accountId(), claimed.nextAttemptAt());
			}
			throw new SignInRefused(SignInRefused.Reason.BUSY, Duration.ofSeconds(1));
		}
	}
}
