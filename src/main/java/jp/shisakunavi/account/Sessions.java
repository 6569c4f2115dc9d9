package jp.shisakunavi.account;

import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Where a browser's sign-in is kept (the HTTP session), shared by the form sign-in, link sign-ins and refreshes. */
@Component
class Sessions {

	private final SecurityContextRepository repository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	SecurityContextRepository repository() {
		return repository;
	}

	/** Makes {@code authentication} this request's and the session's (a new session id when one existed). */
	void signIn(AccountAuthentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		request.getSession(true);
		save(authentication, request, response);
	}

	void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.getContextHolderStrategy().setContext(context);
		repository.saveContext(context, request, response);
	}

	/** Makes {@code authentication} this request's only (an API token's): nothing is kept in a session. */
	void forRequest(Authentication authentication) {
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.getContextHolderStrategy().setContext(context);
	}

	/** After the signed-in account changed its own password: this session goes on with the new one. */
	void keepCurrent(String accountId, Instant passwordStamp) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof AccountAuthentication current
				&& current.tokenName() == null && current.actor().accountId().equals(accountId)
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web) {
			save(current.stamped(passwordStamp), web.getRequest(), web.getResponse());
		}
	}

	/** Ends the sign-in of this request and its session. */
	void signOut(HttpServletRequest request) {
		SecurityContextHolder.getContextHolderStrategy().clearContext();
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}
}
