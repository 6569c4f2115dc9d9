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

	@ParameterizedTest
	@CsvSource({ "多冶見市の防災アプリ, 多治見市", "茅が崎の電子カルテ, 茅ヶ崎市", "芽ヶ崎の電子カルテ, 茅ヶ崎市",
			"茅ヶ先市の電子カルテ, 茅ヶ崎市", "ちかさきの電子カルテ, 茅ヶ崎市" })
	void recognisesCitiesTypedALittleWrong(String question, String city) {
		Understood understood = understand(question, null);
		assertThat(understood.understanding().municipality()).as(question).isEqualTo(city);
		assertThat(understood.contentTokens()).as(question).doesNotContain("茅", "崎", "多", "見");
	}

	@Test
	void noticesAPlaceTheDataDoesNotCover() {
		Understood understood = understand("横浜市の防災アプリは？", "多治見市");
		assertThat(understood.understanding().otherPlace()).isEqualTo("横浜市");
		assertThat(understood.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
		assertThat(understand("市町村の防災アプリ", "多治見市").understanding().otherPlace()).isNull();
	}

	@Test
	void cutsGreetingsSelfIntroductionsAndClosings() {
		Understood understood = understand("こんにちは、多治見市民です。防災アプリってほんと？よろしくお願いします", null);
		assertThat(understood.understanding().municipality()).isEqualTo("多治見市");
		assertThat(understood.contentTokens()).containsExactly("防災", "アプリ");
	}

	@Test
	void listsWhatADepartmentIsInChargeOfAndWhatIsCompleted() {
		Understood department = understand("市民課が担当している施策を全部", "多治見市");
		assertThat(department.intent()).isEqualTo(Intent.LIST);
		assertThat(department.understanding().department()).isEqualTo("市民課");
		Understood completed = understand("完了した施策は？", "多治見市");
		assertThat(completed.intent()).isEqualTo(Intent.LIST);
		assertThat(completed.understanding().state()).isEqualTo("completed");
	}

	@Test
	void readsARunOfKanaAsOneWordByItsReadingAndPhrasesWhole() {
		assertThat(understand("ぼうさいあぷりってほんと？", "多治見市").contentTokens()).containsExactly("ぼうさいあぷり");
		assertThat(understand("フェイスブックの更新", "多治見市").contentTokens()).containsExactly("フェイスブック", "更新");
		assertThat(understand("オープンデータ", "多治見市").contentTokens()).containsExactly("オープンデータ");
	}

	private static Understood understand(String question, String city) {
		return QueryUnderstanding.understand(question, city, SNAPSHOT);
	}
}
