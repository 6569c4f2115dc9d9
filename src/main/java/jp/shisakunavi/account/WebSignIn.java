package jp.shisakunavi.account;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;

/**
 * Signs an account into the browser's session without a password, for a sign-in the caller has already proved
 * (a signed, expiring link a staff member received in LINE). The caller checks the link; this refuses revoked
 * accounts, starts a fresh session (a new id), and records the sign-in in the audit log.
 */
@Component
public class WebSignIn {

	private final Accounts accounts;
	private final Credentials credentials;
	private final Sessions sessions;
	private final AuditLog audit;

	WebSignIn(Accounts accounts, Credentials credentials, Sessions sessions, AuditLog audit) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.sessions = sessions;
		this.audit = audit;
	}

	/** @param how what proved the sign-in, for the audit log (e.g. "LINE のリンク") */
	public Actor signIn(String accountId, String how, HttpServletRequest request, HttpServletResponse response) {
		Account account = accounts.find(accountId).filter(a -> !a.revoked())
			.orElseThrow(() -> new Forbidden("このアカウントは無効になっています"));
		AccountAuthentication authentication = AccountAuthentication.session(account,
				credentials.find(account.id()).map(Credential::changedAt).orElse(null));
		sessions.signIn(authentication, request, response);
		audit.record(AuditChange.of("account.signin", "「" + account.username() + "」が" + how + "でサインインしました")
			.target(account.username()).municipalities(account.municipalities()));
		return authentication.actor();
	}
}
