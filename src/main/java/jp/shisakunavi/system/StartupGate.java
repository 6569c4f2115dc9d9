package jp.shisakunavi.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the service is ready — the plan data loaded, interrupted requests finished, the search index built (all
 * done before Spring Boot reports readiness) — the APIs, the simulator and the webhook answer 503 with
 * Retry-After instead of answering from empty data. {@code /actuator/health/readiness} says the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class StartupGate extends OncePerRequestFilter {

	private final ApplicationAvailability availability;

	StartupGate(ApplicationAvailability availability) {
		this.availability = availability;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.startsWith("/api/") || path.startsWith("/admin/api/") || path.startsWith("/simulator/")
				|| path.equals("/callback"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", "5");
		ProblemJson.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
				"The service is starting (loading the plan data and the search index); try again in a few seconds");
	}
}
