package jp.shisakunavi.system;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * The LINE starter refuses to start without a channel token and secret. So that a newcomer can run the whole
 * product without a LINE channel, a missing credential is given a random value that nobody knows (no webhook
 * can be signed with it), marked with {@link #UNSET}; the LINE module then refuses webhooks and says so, and
 * the chat simulator still works. Property sources added later (test properties) still win over them.
 */
class LineCredentialsFallback implements EnvironmentPostProcessor {

	static final String UNSET = "unset-";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> values = new HashMap<>();
		for (String key : new String[] { "line.bot.channel-token", "line.bot.channel-secret" }) {
			if (!StringUtils.hasText(environment.getProperty(key))) {
				values.put(key, UNSET + UUID.randomUUID());
			}
		}
		if (!values.isEmpty()) {
			PropertySource<?> fallback = new MapPropertySource("lineCredentialsFallback", values);
			environment.getPropertySources().addFirst(fallback);
		}
	}
}
