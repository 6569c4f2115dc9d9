package jp.shisakunavi.account;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads a session's account again for every request, so that what an administrator changes applies at once: a
 * revoked account, or one whose password was changed or reset after the session began, is signed out; a changed
 * role or municipality limit is the session's from this request on; after a reset, the console shows only the
 * password page until a new password is chosen.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

	/** Where an account whose password was reset goes before anything else in the console. */
	static final String PASSWORD_PAGE = "/admin/password";

	private final Accounts accounts;
	private final Credentials credentials;
	private final Sessions sessions;

	CurrentAccountFilter(Accounts accounts, Credentials credentials, Sessions sessions) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getSession(false) != null
				&& SecurityContextHolder.getContext().getAuthentication() instanceof AccountAuthentication session
				&& session.tokenName() == null && !refresh(session, request, response)) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE + "?required");
			return;
		}
		chain.doFilter(request, response);
	}

	/** @return false when the request must go to the password page first (the password was reset) */
	private boolean refresh(AccountAuthentication session, HttpServletRequest request, HttpServletResponse response) {
		Optional<Account> account = accounts.find(session.actor().accountId()).filter(a -> !a.revoked());
		Optional<Credential> credential = credentials.find(session.actor().accountId());
		Instant changed = credential.map(Credential::changedAt).orElse(null);
		if (account.isEmpty() || changed != null && !changed.equals(session.passwordStamp())) {
			sessions.signOut(request);
			return true;
		}
		Authentication fresh = session.refreshed(account.get());
		if (!Objects.equals(fresh, session)) {
			sessions.save(fresh, request, response);
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !credential.map(Credential::mustChange).orElse(false) || !path.startsWith("/admin/") || path.equals(PASSWORD_PAGE)
				|| path.equals("/admin/logout") || path.startsWith("/admin/assets/");
	}
}
