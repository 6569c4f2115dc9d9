package echo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import com.linecorp.bot.spring.boot.handler.annotation.EventMapping;
import com.linecorp.bot.spring.boot.handler.annotation.LineMessageHandler;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;

/**
 * The yardstick of the webhook benchmark: a bot that behaves like LINE's echo sample of line-bot-sdk-java 8.6.0
 * (samples/sample-spring-boot-echo): the SDK's handler takes the webhook, each event is logged, and a text is
 * answered with itself through the SDK's client, without waiting for LINE. Only the parts of this project's
 * class path the sample does not have (MongoDB, Spring Security) are left out. Outside {@code jp.shisakunavi},
 * so that the service's own tests never scan it.
 */
@SpringBootApplication(exclude = { MongoAutoConfiguration.class, MongoDataAutoConfiguration.class,
		MongoRepositoriesAutoConfiguration.class, SecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
@LineMessageHandler
public class EchoSample {

	private static final Logger log = LoggerFactory.getLogger(EchoSample.class);

	private final MessagingApiClient client;

	public EchoSample(MessagingApiClient client) {
		this.client = client;
	}

	@EventMapping
	public void text(MessageEvent event) {
		log.info("event: " + event);
		if (event.message() instanceof TextMessageContent text) {
			client.replyMessage(new ReplyMessageRequest(event.replyToken(), List.of(new TextMessage(text.text())), false));
		}
	}

	@EventMapping
	public void other(Event event) {
		System.out.println("event: " + event);
	}
}
