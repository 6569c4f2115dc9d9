package jp.shisakunavi.line;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.linecorp.bot.client.base.channel.ChannelTokenSupplier;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.spring.boot.core.properties.LineBotProperties;

/**
 * LINE's API client as the starter builds it, but allowed more requests at once: the SDK keeps OkHttp's
 * default of five per host, which at a round trip of about 30 ms to LINE caps replies near 170 a second,
 * while LINE accepts 2,000. Connections are kept and reused by OkHttp's pool.
 */
@Configuration(proxyBeanMethods = false)
class LineClientConfiguration {

	static final int REQUESTS_AT_ONCE = 64;

	@Bean
	MessagingApiClient messagingApiClient(ChannelTokenSupplier token, LineBotProperties properties) {
		return MessagingApiClient.builder(token)
			.apiEndPoint(properties.apiEndPoint())
			.connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.writeTimeout(properties.writeTimeout())
			.maxRequests(REQUESTS_AT_ONCE)
			.maxRequestsPerHost(REQUESTS_AT_ONCE)
			.build();
	}
}
