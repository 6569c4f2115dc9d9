package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MunicipalityNameTest {

	@ParameterizedTest
	@ValueSource(strings = { "茅ヶ崎市", "茅ケ崎市", "茅ヶ崎", "茅ケ崎", "ちがさき", "チガサキ", "ちがさきし", "茅ｹ崎市" })
	void recognisesTheWaysPeopleWriteACity(String written) {
		assertThat(MunicipalityName.matches(written, "茅ヶ崎市", "ちがさきし")).isTrue();
	}

	@Test
	void doesNotConfuseCities() {
		assertThat(MunicipalityName.matches("小山", "多治見市", "たじみし")).isFalse();
		assertThat(MunicipalityName.matches("", "多治見市", "たじみし")).isFalse();
		assertThat(MunicipalityName.matches("市", "多治見市", "たじみし")).isFalse();
	}
}
