package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

	@ParameterizedTest
	@CsvSource({ "令和4年度, 2022", "R4, 2022", "R4年度, 2022", "r4, 2022", "Ｒ４, 2022", "2022年度, 2022", "2022, 2022",
			"平成30年度, 2018", "H30, 2018", "令和元年度, 2019", "平成31年度, 2019", "R元, 2019", "令和 5 年度, 2023",
			"２０２１年度, 2021" })
	void readsEveryNotation(String text, int year) {
		assertThat(FiscalYear.parse(text)).isEqualTo(year);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "来年", "R", "平成32年度", "令和0年度", "12345", "2022年度です" })
	void rejectsWhatIsNotAFiscalYear(String text) {
		assertThatThrownBy(() -> FiscalYear.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void findsAFiscalYearInsideAQuestion() {
		assertThat(FiscalYear.find("茅ヶ崎市で令和4年度にB評価だった事業")).contains(2022);
		assertThat(FiscalYear.find("H30の評価は？")).contains(2018);
		assertThat(FiscalYear.find("2021年度の実施計画")).contains(2021);
		assertThat(FiscalYear.find("防災アプリはいつから？")).isEmpty();
		assertThat(FiscalYear.find("HR4")).isEmpty();
	}

	@Test
	void formatsAsCitizensReadIt() {
		assertThat(FiscalYear.format(2022)).isEqualTo("令和4年度");
		assertThat(FiscalYear.format(2019)).isEqualTo("令和元年度");
		assertThat(FiscalYear.format(2018)).isEqualTo("平成30年度");
	}
}
