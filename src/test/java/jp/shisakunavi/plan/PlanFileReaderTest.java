package jp.shisakunavi.plan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;

import jp.shisakunavi.system.DataFileException;

class PlanFileReaderTest {

	private static final String VALID = """
			id: sample-1
			municipality: 見本市
			title: 見本市情報化計画
			period: {from: 令和2年度, to: R5}
			ratingScheme:
			  - {symbol: A, meaning: 達成, state: ongoing}
			  - {symbol: ○, meaning: 完了, state: completed}
			pillars:
			  - number: "1"
			    title: 安全・安心
			    measures:
			      - id: sample-1-1-01
			        title: 防災アプリの導入
			        departments: [{name: 危機管理課, role: lead}, {name: 情報課, role: related}]
			        evaluations:
			          - {fiscalYear: R4, rating: A}
			          - {fiscalYear: 令和3年度, rating: ○}
			""";

	private final PlanFileReader reader = new PlanFileReader();

	@Test
	void readsAPlanWithFiscalYearsInAnyNotation() {
		PlanFile plan = reader.read("sample.yaml", VALID.getBytes(UTF_8));
		assertThat(plan.period()).isEqualTo(new Plan.Period(2020, 2023));
		Measure measure = plan.measures().getFirst();
		assertThat(measure.planId()).isEqualTo("sample-1");
		assertThat(measure.pillarNumber()).isEqualTo("1");
		assertThat(measure.evaluations()).extracting(Evaluation::fiscalYear).containsExactly(2022, 2021);
		assertThat(measure.departments()).extracting(Department::role)
			.containsExactly(Department.Role.LEAD, Department.Role.RELATED);
	}

	@Test
	void namesTheLineOfARatingOutsideTheScheme() {
		String broken = VALID.replace("{fiscalYear: R4, rating: A}", "{fiscalYear: R4, rating: Q}");
		assertThatThrownBy(() -> reader.read("sample.yaml", broken.getBytes(UTF_8)))
			.isInstanceOfSatisfying(DataFileException.class, e -> {
				assertThat(e.file()).isEqualTo("sample.yaml");
				assertThat(e.line()).isEqualTo(16);
				assertThat(e.reason()).contains("rating 'Q' is not in the plan's ratingScheme");
			});
	}

	@Test
	void namesTheLineOfAnUnreadableFiscalYear() {
		String broken = VALID.replace("{fiscalYear: 令和3年度, rating: ○}", "{fiscalYear: 来年, rating: ○}");
		assertThatThrownBy(() -> reader.read("sample.yaml", broken.getBytes(UTF_8)))
			.isInstanceOfSatisfying(DataFileException.class, e -> {
				assertThat(e.line()).isEqualTo(17);
				assertThat(e.reason()).contains("Not a fiscal year: '来年'");
			});
	}

	@Test
	void namesTheLineOfAMisspelledField() {
		String broken = VALID.replace("        title: 防災アプリの導入", "        titel: 防災アプリの導入");
		assertThatThrownBy(() -> reader.read("sample.yaml", broken.getBytes(UTF_8)))
			.isInstanceOfSatisfying(DataFileException.class, e -> {
				assertThat(e.line()).isEqualTo(13);
				assertThat(e.reason()).contains("titel");
			});
	}

	@Test
	void rejectsDuplicateIdsAndMissingTitles() {
		String duplicate = VALID + """
			      - id: sample-1-1-01
			        title: 二つ目
			""";
		assertThatThrownBy(() -> reader.read("sample.yaml", duplicate.getBytes(UTF_8)))
			.hasMessageContaining("sample.yaml:18").hasMessageContaining("used twice");
		String untitled = VALID.replace("        title: 防災アプリの導入\n", "");
		assertThatThrownBy(() -> reader.read("sample.yaml", untitled.getBytes(UTF_8)))
			.hasMessageContaining("title: is required");
	}

	@Test
	void rejectsBrokenYamlAndOtherEncodings() {
		assertThatThrownBy(() -> reader.read("sample.yaml", "id: [unclosed\n".getBytes(UTF_8)))
			.isInstanceOf(DataFileException.class).hasMessageContaining("not valid YAML");
		assertThatThrownBy(() -> reader.read("sample.yaml", VALID.getBytes(Charset.forName("Shift_JIS"))))
			.isInstanceOf(DataFileException.class).hasMessageContaining("not UTF-8");
	}
}
