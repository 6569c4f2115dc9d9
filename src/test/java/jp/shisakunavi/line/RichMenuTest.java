package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;
import jp.shisakunavi.linefake.FakeLineExtension;
import jp.shisakunavi.linefake.LineWebhook;
import jp.shisakunavi.users.LineUserId;

/**
 * The rich menus reach LINE as LINE's API describes them: created, images uploaded, the citizens' menu the
 * default; a second menu is linked to the users shown it, also when it is deployed after they were, and unlinked
 * when they see the default again.
 */
@SpringBootTest
class RichMenuTest {

	@RegisterExtension
	static final FakeLineExtension fake = new FakeLineExtension();

	static final FakeLine line = fake.line();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		fake.channel(registry, "secret");
	}

	@TestConfiguration
	static class SecondMenu {

		@Bean
		RichMenu teamMenu() {
			return new RichMenu("team", "チーム", List.of(new RichMenu.Button("予定", "予定"), new RichMenu.Button("使い方", "チームの使い方")));
		}
	}

	@Autowired
	RichMenuDeployment deployment;

	@Autowired
	RichMenus menus;

	@Test
	void deploysEveryMenuWithItsImageAndTheCitizensOneAsTheDefault() throws Exception {
		Map<String, String> ids = deployment.deploy(menu -> new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		List<JsonNode> created = line.requests("/v2/bot/richmenu").stream().map(FakeLine.Received::json).toList();
		assertThat(created).hasSameSizeAs(menus.all()).hasSizeGreaterThanOrEqualTo(2);
		JsonNode citizens = created.getFirst();
		assertThat(citizens.path("areas")).hasSize(4);
		assertThat(citizens.path("areas").toString()).contains("施策をさがす", "評価の見方", "通知設定", "使い方");
		JsonNode team = created.stream().filter(menu -> menu.path("name").asText().equals("施策ナビ team")).findFirst().orElseThrow();
		assertThat(team.path("areas").findValuesAsText("text")).containsExactly("予定", "チームの使い方");
		ids.values().forEach(id -> assertThat(line.requests("/v2/bot/richmenu/" + id + "/content")).hasSize(1));
		assertThat(line.requests("/v2/bot/user/all/richmenu/" + ids.get("citizens"))).hasSize(1);
		assertThat(line.requests("/v2/bot/user/all/richmenu/" + ids.get("team"))).isEmpty();
	}

	@Test
	void linksTheMenuShownToAUserAndUnlinksItForTheDefault() throws Exception {
		Map<String, String> ids = deployment.deploy(menu -> new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		String user = LineWebhook.userId();
		menus.show(LineUserId.of(user), "team");
		await().until(() -> line.richMenuOf(user).isPresent());
		assertThat(line.richMenuOf(user)).contains(ids.get("team"));
		assertThat(menus.menuOf(LineUserId.of(user)).name()).isEqualTo("team");

		menus.showDefault(LineUserId.of(user));
		await().until(() -> line.richMenuOf(user).isEmpty());
		assertThat(menus.menuOf(LineUserId.of(user))).isEqualTo(RichMenu.CITIZENS);
	}

	@Test
	void aUserWhoseLinkLineRefusedIsLinkedWhenTheMenuIsDeployedAgain() throws Exception {
		String user = LineWebhook.userId();
		menus.deployed("team", "richmenu-missing");
		menus.show(LineUserId.of(user), "team");
		assertThat(menus.menuOf(LineUserId.of(user)).name()).isEqualTo("team");
		await().until(() -> line.requests("/v2/bot/user/" + user + "/richmenu/richmenu-missing").size() == 1);
		assertThat(line.richMenuOf(user)).isEmpty();

		Map<String, String> ids = deployment.deploy(menu -> new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		await().until(() -> line.richMenuOf(user).isPresent());
		assertThat(line.richMenuOf(user)).contains(ids.get("team"));
	}

	@Test
	void drawsTheImageWhereAJapaneseFontExistsAndSaysWhatIsMissingOtherwise() throws Exception {
		if (RichMenuImage.japaneseFont(String.join("", RichMenu.CITIZENS.labels())).isPresent()) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(RichMenuImage.png(RichMenu.CITIZENS)));
			assertThat(image.getWidth()).isEqualTo(RichMenu.WIDTH);
			assertThat(image.getHeight()).isEqualTo(RichMenu.HEIGHT);
		}
		else {
			assertThatThrownBy(() -> RichMenuImage.png(RichMenu.CITIZENS)).hasMessageContaining("fonts-noto-cjk");
		}
	}
}
