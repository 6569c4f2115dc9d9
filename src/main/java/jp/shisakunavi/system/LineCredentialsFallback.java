package jp.shisakunavi.system;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The LINE starter refuses to start without a channel token and secret. So that a newcomer can run the whole
 * product without a LINE channel, missing credentials are replaced by random values that nobody knows (no
 * webhook can be signed with them) and {@code shisaku.line.connected} is set to false; the LINE module then
 * refuses webhooks and says so in the log, and the chat simulator still works.
 */
class LineCredentialsFallback implements EnvironmentPostProcessor {

	static final String CONNECTED = "shisaku.line.connected";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean connected = StringUtils.hasText(environment.getProperty("line.bot.channel-token"))
				&& StringUtils.hasText(environment.getProperty("line.bot.channel-secret"));
		Map<String, Object> values = connected ? Map.of(CONNECTED, true)
				: Map.of(CONNECTED, false,
						"line.bot.channel-token", "unset-" + UUID.randomUUID(),
						"line.bot.channel-secret", "unset-" + UUID.randomUUID());
		environment.getPropertySources().addFirst(new MapPropertySource("lineCredentialsFallback", values));
	}
}
