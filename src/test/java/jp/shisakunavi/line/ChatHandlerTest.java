package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;

/**
 * Another module's {@link ChatHandler} answers what it takes, in LINE and in the simulator, before the citizens'
 * conversation, which still answers everything else; the menu it shows a user is the one the simulator draws.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatHandlerTest {

	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("shisaku.simulator.enabled", () -> "true");
		fake.channel(registry, WebhookTest.SECRET);
	}

	/** A team chat: 「参加」 shows the team menu, its button's postback is answered, 「退出」 takes the menu away. */
	@TestConfiguration
	static class TeamChat {

		@Bean
		RichMenu teamMenu() {
			return new RichMenu("team", "チーム", List.of(new RichMenu.Button("予定", "チームの予定")));
		}

		@Bean
		ChatHandler team(RichMenus menus) {
			return input -> {
				if (input.postback()) {
					return input.text().startsWith("team:") ? Optional.of(new Replies().text("了解しました：" + input.text().substring(5)).build())
							: Optional.empty();
				}
				return switch (input.text()) {
					case "参加" -> {
						menus.show(input.user(), "team");
						yield Optional.of(new Replies().text("チームに参加しました。")
							.quickReply(Actions.quick(Actions.postback("確認", "team:ok"))).build());
					}
					case "退出" -> {
						menus.showDefault(input.user());
						yield Optional.of(new Replies().text("チームを抜けました。").build());
					}
					default -> Optional.empty();
				};
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Test
	void theHandlerAnswersWhatItTakesAndTheCitizensConversationTheRest() {
		LineChat chat = new LineChat(fake.line(), port, WebhookTest.SECRET);
		JsonNode joined = chat.say("参加");
		assertThat(LineChat.texts(joined)).isEqualTo("チームに参加しました。");
		assertThat(LineChat.texts(chat.tap(joined, "確認"))).isEqualTo("了解しました：ok");

		JsonNode citizens = chat.say("多治見市");
		assertThat(LineChat.texts(citizens)).contains("多治見市を選びました。");
		assertThat(LineChat.texts(chat.send(LineWebhook.postback(chat.user, "a=city&c=茅ヶ崎市")))).contains("茅ヶ崎市を選びました。");
	}

	@Test
	void theSimulatorDrawsTheMenuTheUserIsShown() {
		String token = http.postForEntity("/simulator/sessions", null, JsonNode.class).getBody().path("token").asText();
		JsonNode first = send(token, Map.of("text", "こんにちは")).getBody();
		assertThat(first.path("menu").path("name").asText()).isEqualTo("citizens");
		assertThat(first.path("menu").path("buttons").findValuesAsText("label"))
			.containsExactly("施策をさがす", "評価の見方", "通知設定", "使い方");

		JsonNode joined = send(token, Map.of("text", "参加")).getBody();
		assertThat(joined.path("menu").path("name").asText()).isEqualTo("team");
		assertThat(joined.path("menu").path("buttons").get(0).path("text").asText()).isEqualTo("チームの予定");
		JsonNode polled = http.postForEntity("/simulator/notifications", new HttpEntity<>(null, headers(token)),
				JsonNode.class).getBody();
		assertThat(polled.path("menu").path("name").asText()).isEqualTo("team");

		assertThat(send(token, Map.of("text", "退出")).getBody().path("menu").path("name").asText()).isEqualTo("citizens");
	}

	private ResponseEntity<JsonNode> send(String token, Map<String, String> body) {
		return http.postForEntity("/simulator/messages", new HttpEntity<>(body, headers(token)), JsonNode.class);
	}

	private static HttpHeaders headers(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(SimulatorController.TOKEN, token);
		return headers;
	}
}
