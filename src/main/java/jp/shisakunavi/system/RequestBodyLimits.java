package jp.shisakunavi.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is bounded before anything reads it: one that says it is larger than its endpoint's limit
 * is refused with 413 unread, and one sent without a length (chunked) is read up to the limit and refused when it
 * goes on. Limits: LINE's webhook 256 KB (LINE's bodies are a few KB: a handful of events), the admin API 2 MB
 * (5,000 evaluation rows as JSON are about 1.3 MB), uploads of evaluation files 10 MB (the multipart limit, which
 * Tomcat enforces while it streams an upload of unknown length), everything else 64 KB (the simulator's longest
 * message is 10,000 characters).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimits extends OncePerRequestFilter {

	static final int WEBHOOK = 256 * 1024;
	static final int ADMIN = 2 * 1024 * 1024;
	static final int UPLOAD = 10 * 1024 * 1024 + 64 * 1024;
	static final int OTHER = 64 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		int limit = limitOf(request);
		if (declared > limit) {
			tooLarge(response, limit);
			return;
		}
		if (declared >= 0 || isMultipart(request) || !mayHaveBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(limit + 1);
		if (body.length > limit) {
			tooLarge(response, limit);
			return;
		}
		chain.doFilter(new Buffered(request, body), response);
	}

	private static int limitOf(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.equals("/callback")) {
			return WEBHOOK;
		}
		if (path.startsWith("/admin/")) {
			return isMultipart(request) ? UPLOAD : ADMIN;
		}
		return OTHER;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		return request.getContentType() != null
				&& request.getContentType().toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private static boolean mayHaveBody(HttpServletRequest request) {
		return request.getHeader("Transfer-Encoding") != null;
	}

	private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setHeader("Connection", "close");
		ProblemJson.write(response, 413, "Payload Too Large",
				"The request body is larger than this endpoint accepts (" + limit / 1024 + " KB)");
	}

	/** The request with its body already read (within the limit). */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is read already");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public String getCharacterEncoding() {
			String encoding = super.getCharacterEncoding();
			return encoding != null ? encoding : StandardCharsets.UTF_8.name();
		}
	}
}
