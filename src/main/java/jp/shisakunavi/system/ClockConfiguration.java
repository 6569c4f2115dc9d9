package jp.shisakunavi.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, in the time zone of the municipalities, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Bean
	Clock clock() {
		return Clock.system(TOKYO);
	}
}
