package jp.shisakunavi.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An error answer in the API's own format (RFC 9457 problem details, as Spring writes them), for answers given
 * before any controller is reached.
 */
final class ProblemJson {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemJson() {
	}

	static String of(int status, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		try {
			return JSON.writeValueAsString(problem);
		}
		catch (IOException e) {
			throw new IllegalStateException("a map of strings is always JSON", e);
		}
	}

	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(of(status, title, detail));
	}
}
