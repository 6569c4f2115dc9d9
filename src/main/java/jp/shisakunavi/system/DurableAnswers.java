package jp.shisakunavi.system;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that wrote to the database answers only once its writes are on disk: the embedded server is made to
 * commit right before the answer begins (its first byte, or its status when it has no body), not once a second as
 * it otherwise does. So every 2xx of any endpoint — admin API, simulator, console — survives a crash, and a
 * request that wrote nothing (the webhook, whose events are answered off the request thread; any read) costs
 * nothing. Against a real MongoDB there is nothing to do here: its writes are acknowledged only when journaled
 * on a majority ({@link DatabaseConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DurableAnswers extends OncePerRequestFilter {

	private final EmbeddedMongo database;

	DurableAnswers(EmbeddedMongo database) {
		this.database = database;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!database.running()) {
			chain.doFilter(request, response);
			return;
		}
		try (RequestWrites.Scope writes = RequestWrites.begin()) {
			Runnable beforeAnswer = () -> {
				if (writes.takeWrites()) {
					database.flush();
				}
			};
			chain.doFilter(request, new Answer(response, beforeAnswer));
			beforeAnswer.run();
		}
	}

	/** The response, with the flush run before anything can make it leave. */
	private static final class Answer extends HttpServletResponseWrapper {

		private final Runnable beforeAnswer;

		Answer(HttpServletResponse response, Runnable beforeAnswer) {
			super(response);
			this.beforeAnswer = beforeAnswer;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			beforeAnswer.run();
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			beforeAnswer.run();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			beforeAnswer.run();
			super.flushBuffer();
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			beforeAnswer.run();
			super.sendError(status, message);
		}

		@Override
		public void sendError(int status) throws IOException {
			beforeAnswer.run();
			super.sendError(status);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			beforeAnswer.run();
			super.sendRedirect(location);
		}
	}
}
