package jp.shisakunavi.account;

import java.io.IOException;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;

/**
 * Where a form sign-in goes next. A success is recorded and goes to the page asked for before (kept in a cookie,
 * not a session, so that anonymous requests never create sessions), or to the password page after a reset. A
 * failure goes back to the sign-in page with the reason and the wait in the URL ({@code ?error=wait&seconds=4}).
 */
@Component
class SignInPages {

	static final String LOGIN = "/admin/login";

	private final CookieRequestCache requestCache = new CookieRequestCache();
	private final AuditLog audit;
	private final Credentials credentials;

	SignInPages(AuditLog audit, Credentials credentials) {
		this.audit = audit;
		this.credentials = credentials;
	}

	CookieRequestCache requestCache() {
		return requestCache;
	}

	AuthenticationSuccessHandler success() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setRequestCache(requestCache);
		saved.setDefaultTargetUrl("/admin/");
		return new AuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				AccountAuthentication signedIn = (AccountAuthentication) authentication;
				audit.record(AuditChange.of("account.signin", "「" + signedIn.getName() + "」がパスワードでサインインしました")
					.target(signedIn.getName()));
				if (credentials.find(signedIn.actor().accountId()).map(Credential::mustChange).orElse(false)) {
					requestCache.removeRequest(request, response);
					response.sendRedirect(request.getContextPath() + CurrentAccountFilter.PASSWORD_PAGE + "?required");
					return;
				}
				saved.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	AuthenticationFailureHandler failure() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			String query = e instanceof SignInRefused refused
					? "?error=" + refused.reason().name().toLowerCase(Locale.ROOT)
							+ (refused.retryAfterSeconds() > 0 ? "&seconds=" + refused.retryAfterSeconds() : "")
					: "?error=wrong";
			response.sendRedirect(request.getContextPath() + LOGIN + query);
		};
	}
}
