package jp.shisakunavi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.linefake.FakeLine;

/** The rich menu reaches LINE as LINE's API describes it: created, image uploaded, set as default. */
@SpringBootTest
class RichMenuTest {

	static final FakeLine line = FakeLine.start();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		registry.add("line.bot.channel-secret", () -> "secret");
		registry.add("line.bot.channel-token", () -> "token");
		registry.add("line.bot.api-end-point", line::baseUrl);
		registry.add("line.bot.blob-end-point", line::baseUrl);
	}

	@AfterAll
	static void stop() {
		line.close();
	}

	@Autowired
	RichMenuDeployment deployment;

	@Test
	void deploysTheMenuWithItsImageAsTheDefault() throws Exception {
		String id = deployment.deploy(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		JsonNode menu = line.requests("/v2/bot/richmenu").getFirst().json();
		assertThat(menu.path("areas")).hasSize(4);
		assertThat(menu.path("areas").toString()).contains("施策をさがす", "評価の見方", "通知設定", "使い方");
		assertThat(line.requests("/v2/bot/richmenu/" + id + "/content")).hasSize(1);
		assertThat(line.requests("/v2/bot/user/all/richmenu/" + id)).hasSize(1);
		assertThat(line.violations()).isEmpty();
	}

	@Test
	void drawsTheImageWhereAJapaneseFontExistsAndSaysWhatIsMissingOtherwise() throws Exception {
		if (RichMenuImage.japaneseFont(String.join("", RichMenu.LABELS)).isPresent()) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(RichMenuImage.png()));
			assertThat(image.getWidth()).isEqualTo(RichMenu.WIDTH);
			assertThat(image.getHeight()).isEqualTo(RichMenu.HEIGHT);
		}
		else {
			assertThatThrownBy(RichMenuImage::png).hasMessageContaining("fonts-noto-cjk");
		}
	}
}
