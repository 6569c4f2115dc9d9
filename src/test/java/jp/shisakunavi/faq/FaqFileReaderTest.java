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
				GLOSSARY.getBytes(UTF_8));
		assertThat(entry.everyCity()).isTrue();
		assertThat(entry.definedElsewhere("小山市")).isTrue();
		assertThat(entry.definedElsewhere(null)).isTrue();
		assertThat(entry.definedElsewhere("各務原市")).isFalse();
	}

	@Test
	void everyCityNeedsTheCityWhoseDefinitionItIs() {
		String broken = GLOSSARY.replace("municipality: 各務原市\n", "");
		assertThatThrownBy(() -> reader.read("x", "faq/x.yaml", broken.getBytes(UTF_8)))
			.isInstanceOfSatisfying(DataFileException.class, e -> {
				assertThat(e.line()).isEqualTo(3);
				assertThat(e.reason()).contains("needs the municipality");
			});
	}
}
