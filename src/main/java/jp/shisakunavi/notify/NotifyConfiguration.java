package jp.shisakunavi.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the notification workers share, built once from the settings. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	/** {@code NOTIFY_SEND_WINDOW}, parsed once: a wrong setting stops the start with one message. */
	@Bean
	SendWindow sendWindow(NotifyProperties properties) {
		return SendWindow.parse(properties.sendWindow());
	}
}
