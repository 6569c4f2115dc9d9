package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The codes of the four cities satisfy the check-digit rule of 全国地方公共団体コード; a wrong digit does not. */
class MunicipalityCodeTest {

	@Test
	void theFourCitiesCodesHaveTheirCheckDigits() {
		assertThat(MunicipalityCode.of("多治見市")).map(MunicipalityCode::value).contains("212041");
		assertThat(MunicipalityCode.of("各務原市")).map(MunicipalityCode::value).contains("212130");
		assertThat(MunicipalityCode.of("小山市")).map(MunicipalityCode::value).contains("092088");
		assertThat(MunicipalityCode.of("茅ヶ崎市")).map(MunicipalityCode::value).contains("142077");
		assertThat(MunicipalityCode.municipality("142077")).contains("茅ヶ崎市");
		assertThat(MunicipalityCode.valid("131016")).as("千代田区").isTrue();
		assertThat(MunicipalityCode.valid("212042")).isFalse();
		assertThat(MunicipalityCode.valid("21204")).isFalse();
	}
}
