package jp.shisakunavi.system;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything citizens and the open-data API use is public; the admin API and console ({@code /admin/**})
 * need HTTP Basic with {@code ADMIN_USERNAME}/{@code ADMIN_PASSWORD}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
				.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	UserDetailsService administrators(@Value("${shisaku.admin.username:admin}") String username,
			@Value("${shisaku.admin.password:}") String password) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String effective = password;
		if (effective.isBlank()) {
			byte[] random = new byte[12];
			new SecureRandom().nextBytes(random);
			effective = HexFormat.of().formatHex(random);
			log.warn("ADMIN_PASSWORD is not set: the admin console uses the one-time password {} for user '{}' "
					+ "until the next restart. Set ADMIN_PASSWORD in production.", effective, username);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(username).password(encoder.encode(effective)).roles("ADMIN").build());
	}
}
