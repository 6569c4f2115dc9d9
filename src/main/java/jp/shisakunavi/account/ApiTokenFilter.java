package jp.shisakunavi.account;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.shisakunavi.audit.AuditLog;

/**
 * Authenticates a request that carries {@code Authorization: Bearer …} by that token alone, on any path: such a
 * request is never also taken as the browser's session, which is why it needs no CSRF token (a browser does not
 * add this header by itself). A wrong token is 401, and counts against the client address like a wrong password;
 * an address over its limit gets 429 before its token is even looked up.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "bearer ";

	private final ApiTokens tokens;
	private final FirstAdministrator first;
	private final SignInThrottle throttle;
	private final Sessions sessions;
	private final Refusals refusals;

	ApiTokenFilter(ApiTokens tokens, FirstAdministrator first, SignInThrottle throttle, Sessions sessions, Refusals refusals) {
		this.tokens = tokens;
		this.first = first;
		this.throttle = throttle;
		this.sessions = sessions;
		this.refusals = refusals;
	}

	static boolean carriesToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		if (throttle.addressRefused(address)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttle.window().toSeconds()));
			refusals.write(response, HttpStatus.TOO_MANY_REQUESTS,
					"この接続元からの誤った認証が多すぎます。" + throttle.window().toMinutes() + "分ほど待ってから送ってください");
			return;
		}
		String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
		Optional<AccountAuthentication> authenticated = secret.length() > ApiTokens.MAX_LENGTH ? Optional.empty()
				: first.authenticate(secret).or(() -> tokens.authenticate(secret));
		if (authenticated.isEmpty()) {
			throttle.failed(address);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			refusals.write(response, HttpStatus.UNAUTHORIZED, "API トークンが違うか、無効になっています");
			return;
		}
		sessions.forRequest(authenticated.get());
		request.setAttribute(AuditLog.VIA_ATTRIBUTE, "api:" + authenticated.get().tokenName());
		chain.doFilter(request, response);
	}
}
