package jp.shisakunavi.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What query understanding recognises in questions, against the cities, departments and legends of the data. */
class QueryUnderstandingTest {

	private static final IndexSnapshot SNAPSHOT = SearchFixture.snapshot();

	@ParameterizedTest
	@CsvSource({ "多治見市の防災アプリ, 多治見市", "たじみの防災アプリ, 多治見市", "タジミシ 防災アプリ, 多治見市",
			"茅ケ崎の電子カルテ, 茅ヶ崎市", "茅ヶ崎市 電子カルテ, 茅ヶ崎市", "ちがさきの電子カルテ, 茅ヶ崎市" })
	void recognisesCitiesInAnyWriting(String question, String city) {
		Understood understood = understand(question, null);
		assertThat(understood.understanding().municipality()).isEqualTo(city);
		assertThat(understood.cityNamed()).isTrue();
		assertThat(understood.contentTokens()).doesNotContain("多治見", "茅ケ崎", "たじみ", "ちがさき");
	}

	@Test
	void usesTheAskersCityWhenTheQuestionNamesNone() {
		Understood understood = understand("防災アプリはいつから？", "多治見市");
		assertThat(understood.understanding().municipality()).isEqualTo("多治見市");
		assertThat(understood.cityNamed()).isFalse();
		assertThat(understand("茅ヶ崎市の電子カルテ", "多治見市").understanding().municipality()).isEqualTo("茅ヶ崎市");
	}

	@ParameterizedTest
	@CsvSource({ "多治見市で評価がCの施策は？, C", "多治見市のB評価の施策, B", "茅ヶ崎市で評価Ａの事業, A",
			"ちがさきで達成できなかった事業は？, C", "ちがさきで令和3年度にBだった事業, B", "茅ヶ崎市で一部達成できなかった事業, B", "多治見市で廃止された施策は？, ▲" })
	void recognisesRatingsBySymbolOrMeaningAndListsThem(String question, String rating) {
		Understood understood = understand(question, null);
		assertThat(understood.understanding().rating()).isEqualTo(rating);
		assertThat(understood.intent()).isEqualTo(Intent.LIST);
	}

	@ParameterizedTest
	@CsvSource({ "茅ヶ崎市で令和4年度にB評価だった事業, 2022", "茅ヶ崎市でR4にBだった事業, 2022", "茅ヶ崎市でH30年度にC評価, 2018",
			"平成31年度の評価Bの施策, 2019", "令和元年度の評価Bの施策, 2019", "2021年度に評価Aだった事業, 2021" })
	void recognisesFiscalYearsInAnyNotation(String question, int year) {
		assertThat(understand(question, "茅ヶ崎市").understanding().fiscalYear()).isEqualTo(year);
	}

	@Test
	void recognisesDepartmentsOfTheData() {
		Understood understood = understand("市民課の施策は？", "多治見市");
		assertThat(understood.understanding().department()).isEqualTo("市民課");
		assertThat(understood.intent()).isEqualTo(Intent.LIST);
	}

	@ParameterizedTest
	@CsvSource({ "防災アプリはいつから使えますか, SCHEDULE", "防災アプリの状況を教えて, STATUS", "RPAとは, DEFINITION",
			"RPAって何？, DEFINITION", "評価Cってどういう意味？, RATING_MEANING", "B評価とは, RATING_MEANING",
			"こんにちは, GREETING", "おはようございます！, GREETING", "ありがとうございました, THANKS", "ありがとう😊, THANKS",
			"使い方を教えて, HELP", "何ができますか？, HELP", "😀, OUT_OF_SCOPE", "？？？, OUT_OF_SCOPE" })
	void recognisesWhatAQuestionAsksFor(String question, Intent intent) {
		assertThat(understand(question, "多治見市").intent()).isEqualTo(intent);
	}

	@Test
	void aMeaningPhraseAboutOneMeasureIsNotAListFilter() {
		Understood understood = understand("電子カルテは達成できなかったのですか", "茅ヶ崎市");
		assertThat(understood.intent()).isNotEqualTo(Intent.LIST);
		assertThat(understood.understanding().rating()).isNull();
		assertThat(understood.contentTokens()).contains("電子", "カルテ");
	}

	private static Understood understand(String question, String city) {
		return QueryUnderstanding.understand(question, city, SNAPSHOT);
	}
}
