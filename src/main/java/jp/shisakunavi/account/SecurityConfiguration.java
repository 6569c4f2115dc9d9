package jp.shisakunavi.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.DispatcherType;

/**
 * Who may open what. Citizens' pages, the simulator, the open-data API and the LINE webhook are public. The
 * console ({@code /admin/…}) needs a form sign-in; its session cookie is HttpOnly and SameSite=Lax (Secure when the
 * request is HTTPS, also behind a proxy that forwards it), and every state-changing request made with it needs
 * the CSRF token. The admin API ({@code /admin/api/…}) and Actuator's endpoints take the session too (with the
 * CSRF token) or an API token ({@code Authorization: Bearer …}); there is no HTTP Basic, which browsers cache and
 * send by themselves. Roles are checked here per area and per municipality in the endpoints ({@link Permissions}).
 * Every answer carries a Content-Security-Policy without inline script, Referrer-Policy, X-Content-Type-Options
 * and frame-ancestors.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SESSION_COOKIE = "SHISAKU_SESSION";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PasswordSignIn passwordSignIn, SignInPages pages,
			Refusals refusals, Sessions sessions, Accounts accounts, Credentials credentials, ApiTokens tokens,
			FirstAdministrator first, SignInThrottle throttle) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
		return http
			.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers(SignInPages.LOGIN, "/admin/assets/**").permitAll()
				.requestMatchers("/admin/api/**").hasAnyRole(Role.ADMIN.name(), Role.EDITOR.name(), Role.VIEWER.name())
				.requestMatchers("/admin/accounts/**", "/admin/audit/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/admin/**").authenticated()
				.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
				.anyRequest().permitAll())
			// The only way a password is checked: no parent manager that would check a refused attempt again.
			.authenticationManager(new ProviderManager(passwordSignIn))
			.formLogin(form -> form.loginPage(SignInPages.LOGIN)
				.successHandler(pages.success())
				.failureHandler(pages.failure()))
			.logout(logout -> logout.logoutUrl("/admin/logout")
				.logoutSuccessUrl(SignInPages.LOGIN + "?signedOut")
				.deleteCookies(SESSION_COOKIE))
			.requestCache(cache -> cache.requestCache(pages.requestCache()))
			.securityContext(context -> context.securityContextRepository(sessions.repository()))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				// LINE signs its webhook; the simulator and the open-data API use no credentials; a request with
				// an API token is authenticated by that token alone (ApiTokenFilter); an API request without a
				// session cookie carries nothing a browser adds by itself (and gets 401, not 403).
				.ignoringRequestMatchers("/callback", "/simulator/**", "/api/**")
				.ignoringRequestMatchers(ApiTokenFilter::carriesToken)
				.ignoringRequestMatchers(request -> Refusals.API.matches(request) && request.getRequestedSessionId() == null))
			.addFilterAfter(new CurrentAccountFilter(accounts, credentials, sessions), SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiTokenFilter(tokens, first, throttle, sessions, refusals), CsrfFilter.class)
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(refusals.apiEntryPoint(), Refusals.API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SignInPages.LOGIN), request -> true)
				.defaultAccessDeniedHandlerFor(refusals.apiDenied(), Refusals.API)
				.defaultAccessDeniedHandlerFor(refusals.consoleDenied(), request -> true))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()))
			.build();
	}
}
