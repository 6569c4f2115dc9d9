package jp.shisakunavi.faq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import jp.shisakunavi.system.DataFileException;

/** A term one city defines, answered for every city: read, and refused without the city. */
class FaqFileReaderTest {

	private static final String GLOSSARY = """
			question: RPAとは何ですか？
			answer: Robotic Process Automation の略。
			municipality: 各務原市
			everyCity: true
			tags: [用語]
			source: 各務原市 第3次ICT基本計画(後期計画) 用語解説
			seed: 002_3a8372cf3b1720a0.txt
			""";

	private final FaqFileReader reader = new FaqFileReader();

	@Test
	void aTermOfOneCityAnsweredForEveryCitySaysWhoseItIs() {
		FaqEntry entry = reader.read("kakamigahara/glossary/rpa", "faq/kakamigahara/glossary/rpa.yaml",
				GLOSSARY.getBytes(UTF_8)).entry("kakamigahara/glossary/rpa", 1, null);
		assertThat(entry.everyCity()).isTrue();
		assertThat(entry.definedElsewhere("小山市")).isTrue();
		assertThat(entry.definedElsewhere(null)).isTrue();
		assertThat(entry.definedElsewhere("各務原市")).isFalse();
		assertThat(entry.category()).as("the folder names the category").isEqualTo("用語解説");
		assertThat(entry.reply("小山市")).startsWith("各務原市の用語解説より：\nRobotic Process Automation の略。")
			.endsWith("（出典：各務原市 第3次ICT基本計画(後期計画) 用語解説）");
	}

	@Test
	void anAnswerTooLongForOneLineMessageIsRefusedWithItsLine() {
		String tooLong = GLOSSARY.replace("Robotic Process Automation の略。", "長".repeat(4980));
		assertThatThrownBy(() -> reader.read("x", "faq/x.yaml", tooLong.getBytes(UTF_8)))
			.isInstanceOfSatisfying(DataFileException.class, e -> {
				assertThat(e.line()).isEqualTo(2);
				assertThat(e.reason()).contains("LINE の1通のメッセージ（5000文字）に収まりません");
			});
	}

	@Test
	void everyCityNeedsTheCityWhoseDefinitionItIs() {
		String broken = GLOSSARY.replace("municipality: 各務原市\n", "");
		assertThatThrownBy(() -> reader.read("x", "faq/x.yaml", broken.getBytes(UTF_8)))
			.isInstanceOfSatisfying(DataFileException.class, e -> {
				assertThat(e.line()).isEqualTo(3);
				assertThat(e.reason()).contains("その定義を載せている自治体を選んでください");
			});
	}
}
