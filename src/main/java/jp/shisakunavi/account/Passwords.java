package jp.shisakunavi.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;

/**
 * A signed-in user changes their own password, giving the current one (checked with the sign-in's limits). Their
 * other sessions end; the one they changed it in goes on.
 */
@Service
public class Passwords {

	private final Accounts accounts;
	private final PasswordSignIn signIn;
	private final Credentials credentials;
	private final PasswordEncoder encoder;
	private final AuditLog audit;
	private final Sessions sessions;
	private final Clock clock;

	Passwords(Accounts accounts, PasswordSignIn signIn, Credentials credentials, PasswordEncoder encoder, AuditLog audit,
			Sessions sessions, Clock clock) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.signIn = signIn;
		this.credentials = credentials;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the account must choose a new password (after a reset) before anything else. */
	public boolean mustChange(String accountId) {
		return credentials.find(accountId).map(Credential::mustChange).orElse(false);
	}

	public void change(String accountId, String current, String next) {
		Account account = accounts.existing(accountId);
		PasswordPolicy.check(next, account.username());
		if (next.equals(current)) {
			throw new IllegalArgumentException("新しいパスワードには今と違うものを選んでください");
		}
		if (!signIn.matches(account, current)) {
			throw new IllegalArgumentException("今のパスワードが違います");
		}
		Instant at = credentials.setPassword(account.id(), encoder.encode(next), clock.instant(), false);
		sessions.keepCurrent(account.id(), at);
		audit.record(AuditChange.of("account.password", "アカウント「" + account.username() + "」が自分のパスワードを変更しました")
			.target(account.username()));
	}
}
