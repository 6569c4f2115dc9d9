package jp.shisakunavi.line;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Where the simulator is switched off ({@code SIMULATOR_ENABLED}), its page and endpoints do not exist. */
@Component
class SimulatorSwitch extends OncePerRequestFilter {

	private final SimulatorSessions sessions;

	SimulatorSwitch(SimulatorSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return sessions.enabled() || !(path.equals("/") || path.equals("/index.html") || path.startsWith("/simulator"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write("チャットシミュレーターはこのサーバーでは使えません。LINE の公式アカウントからお使いください。\n");
	}
}
