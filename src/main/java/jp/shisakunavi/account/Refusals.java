package jp.shisakunavi.account;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How refusals are answered: the admin API (and Actuator) in JSON, like its other errors; the console with its
 * sign-in page (not signed in) or its refusal page (not allowed, or a form without its CSRF token).
 */
@Component
class Refusals {

	/** Requests answered in JSON: scripts, not people at a browser. */
	static final RequestMatcher API = request -> {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/admin/api/") || path.startsWith("/actuator/");
	};

	/** The console's page that explains a refusal, with the reason in {@link Forbidden#REASON_ATTRIBUTE}. */
	static final String DENIED_PAGE = "/admin/denied";

	private final ObjectMapper json;

	Refusals(ObjectMapper json) {
		this.json = json;
	}

	AuthenticationEntryPoint apiEntryPoint() {
		return (request, response, e) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			write(response, HttpStatus.UNAUTHORIZED, "認証が必要です。Authorization: Bearer <API トークン> を付けて送ってください");
		};
	}

	AccessDeniedHandler apiDenied() {
		return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, reason(e));
	}

	AccessDeniedHandler consoleDenied() {
		return (request, response, e) -> {
			request.setAttribute(Forbidden.REASON_ATTRIBUTE, reason(e));
			response.setStatus(HttpStatus.FORBIDDEN.value());
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 403);
			try {
				request.getRequestDispatcher(DENIED_PAGE).forward(request, response);
			}
			catch (ServletException forward) {
				throw new IOException(forward);
			}
		};
	}

	void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	static String reason(Exception e) {
		if (e instanceof CsrfException) {
			return "送信されたフォームを確かめられませんでした（CSRF トークンがないか、古くなっています）。ページを読み込み直してから、もう一度送ってください";
		}
		if (e instanceof Forbidden) {
			return e.getMessage();
		}
		return e instanceof AuthenticationException ? "サインインが必要です" : "このアカウントには、この操作の権限がありません";
	}
}
