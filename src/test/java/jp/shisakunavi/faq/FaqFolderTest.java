package jp.shisakunavi.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The FAQ folder is loaded at start-up and followed while the service runs. */
@SpringBootTest(properties = "shisaku.faq.poll-interval=PT0.2S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaqFolderTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	static Path root;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		write("common/bot.yaml", """
				question: このボットは何ができますか？
				answer: 市の情報化計画の施策について、進み具合や評価をお答えします。
				tags: [使い方]
				""");
		write("common/broken.yaml", "question: [壊れた\n");
		registry.add("shisaku.data-dir", () -> root.resolve("data").toString());
		registry.add("shisaku.faq-dir", () -> root.resolve("faq").toString());
	}

	@Autowired
	FaqEntries entries;

	@Test
	@Order(1)
	void loadsTheFolderAndSkipsABrokenFile() {
		assertThat(entries.all()).extracting(FaqEntry::id).containsExactly("common/bot");
	}

	@Test
	@Order(2)
	void followsNewChangedAndDeletedFiles() throws IOException {
		write("common/rating.yaml", """
				question: 評価Cとは何ですか？
				alternates: [C評価って何]
				answer: 目標に向けて実施している段階です。
				municipality: 多治見市
				""");
		await().atMost(WAIT).until(() -> entries.find("common/rating").isPresent());
		assertThat(entries.find("common/rating").orElseThrow().alternates()).containsExactly("C評価って何");

		write("common/bot.yaml", """
				question: このボットは何ができますか？
				answer: 施策の進み具合、評価の意味、用語をお答えします。
				""");
		await().atMost(WAIT).until(() -> entries.find("common/bot").orElseThrow().answer().startsWith("施策の進み具合"));

		Files.delete(root.resolve("faq/common/rating.yaml"));
		await().atMost(WAIT).until(() -> entries.find("common/rating").isEmpty());
	}

	@Test
	@Order(3)
	void aFileBrokenWhileRunningKeepsItsPreviousEntry() throws IOException {
		write("common/bot.yaml", "question: 何ができますか？\nanswer:\n");
		write("common/later.yaml", "question: 後から\nanswer: 追加されました。\n");
		await().atMost(WAIT).until(() -> entries.find("common/later").isPresent());
		assertThat(entries.find("common/bot").orElseThrow().answer()).startsWith("施策の進み具合");
	}

	private static void write(String relative, String content) throws IOException {
		Path file = root.resolve("faq").resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}
}
