package jp.shisakunavi.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether a LINE channel is configured, or the service runs without LINE (simulator only). */
@Component
public class LineCredentials {

	private final boolean configured;

	LineCredentials(@Value("${line.bot.channel-token}") String token, @Value("${line.bot.channel-secret}") String secret) {
		this.configured = !token.startsWith(LineCredentialsFallback.UNSET) && !secret.startsWith(LineCredentialsFallback.UNSET);
	}

	public boolean configured() {
		return configured;
	}
}
