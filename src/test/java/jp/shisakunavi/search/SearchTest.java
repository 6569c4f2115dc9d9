package jp.shisakunavi.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Answers over the fixture: ranking, complete lists, the threshold, and untrusted text. */
class SearchTest {

	private static final IndexSnapshot SNAPSHOT = SearchFixture.snapshot();

	private final Search search = new Search(() -> SNAPSHOT, 0.5, 0.35);

	@Test
	void findsMeasuresWrittenInKanaAbbreviationsAndOtherWidths() {
		assertThat(first("ぼうさいあぷり", "多治見市")).isEqualTo("t-4-1-01");
		assertThat(first("マイナカード", "多治見市")).isEqualTo("t-4-3-01");
		assertThat(first("ｺﾝﾋﾞﾆ交付", "多治見市")).isEqualTo("t-4-3-02");
		assertThat(first("茅ケ崎の電子カルテ", null)).isEqualTo("c-1-1-01-1-1");
	}

	@Test
	void prefersTheNewestPlanUnlessTheQuestionIsAboutAnEarlierYear() {
		assertThat(first("観光拠点のワイファイ", "多治見市")).isEqualTo("t-4-2-01");
		assertThat(first("令和元年度の観光拠点のWi-Fi", "多治見市")).isEqualTo("t-3-1-01");
	}

	@Test
	void answersDefinitionsFromTheFaq() {
		Answer answer = ask("RPAって何？", "多治見市");
		assertThat(answer.intent()).isEqualTo(Intent.DEFINITION);
		assertThat(answer.results().getFirst().type()).isEqualTo("faq");
	}

	@Test
	void listsEveryUnitWithTheRatingOfTheNewestPlan() {
		Answer answer = ask("多治見市で評価がCの施策は？", null);
		assertThat(answer.intent()).isEqualTo(Intent.LIST);
		assertThat(answer.results()).extracting(Hit::id).containsExactly("t-4-2-01", "t-4-3-01");
		assertThat(answer.results()).extracting(Hit::rating).containsOnly("C");
	}

	@Test
	void listsItemsByTheirRatingInTheFiscalYearAsked() {
		assertThat(ask("茅ヶ崎市で平成30年度にC評価だった事業", null).results()).extracting(Hit::id)
			.containsExactly("c-1-1-01-2-1");
		assertThat(ask("茅ケ崎で令和4年度にB評価だった事業", null).results()).extracting(Hit::id)
			.containsExactly("c-1-1-01-2-1");
		assertThat(ask("ちがさきで達成できた事業は", null).results()).extracting(Hit::id)
			.containsExactly("c-1-1-01-1-1", "c-1-1-01-3-1");
	}

	@Test
	void listsThePillarAskedForByNumberOrTitle() {
		assertThat(ask("基本施策(1)の施策一覧", "多治見市").results()).extracting(Hit::id)
			.containsExactly("t-4-1-01", "t-4-2-01", "t-4-3-01", "t-4-3-02", "t-4-4-01");
		assertThat(ask("茅ヶ崎市の安全・安心の事業は？", null).results()).hasSize(3);
	}

	@Test
	void explainsRatingSymbolsFromTheLegendOfTheCity() {
		Answer answer = ask("評価Cってどういう意味？", "茅ヶ崎市");
		assertThat(answer.intent()).isEqualTo(Intent.RATING_MEANING);
		assertThat(answer.ratingMeanings()).extracting(RatingMeaning::meaning).containsExactly("達成できなかった");
		assertThat(ask("評価の意味を教えて", "茅ヶ崎市").ratingMeanings()).extracting(RatingMeaning::symbol)
			.containsExactly("A", "B", "C", "—");
	}

	@Test
	void doesNotAnswerWhatThePlansDoNotCover() {
		for (String question : new String[] { "今日の天気は？", "おいしいラーメン屋を教えて", "😀😀", "asdfghjkl", "ああああ",
				"", "   " }) {
			Answer answer = ask(question, "多治見市");
			assertThat(answer.answered()).as(question).isFalse();
			assertThat(answer.results()).as(question).isEmpty();
		}
	}

	@Test
	void belowTheThresholdOffersNearMissesInstead() {
		Search strict = new Search(() -> SNAPSHOT, 0.99, 0.99);
		Answer answer = strict.answer(new Question("防災アプリの通知機能", "多治見市", 5));
		assertThat(answer.answered()).isFalse();
		assertThat(answer.results()).isEmpty();
		assertThat(answer.suggestions()).hasSizeBetween(1, 3).extracting(Hit::id).contains("t-4-1-01");
		assertThat(ask("防災アプリの通知機能", "多治見市").answered()).isTrue();
	}

	@Test
	void saysNothingAboutWhatThePlansDoNotCoverEvenWhenAWordMatches() {
		Answer answer = ask("住民票の料金はいくら？", "多治見市");
		assertThat(answer.answered()).isFalse();
		assertThat(answer.askBack()).isFalse();
		assertThat(answer.suggestions()).isEmpty();
	}

	@Test
	void asksBackWhenTheCandidatesAreCloseOrWeak() {
		Answer weak = new Search(() -> SNAPSHOT, 0.99, 0.5).answer(new Question("防災アプリの通知機能", "多治見市", 5));
		assertThat(weak.answered()).isFalse();
		assertThat(weak.askBack()).isTrue();
		assertThat(weak.suggestions()).extracting(Hit::id).containsExactly("t-4-1-01");
		// the current measure and the one of the earlier plan it continues are one candidate, not a toss-up
		Answer continued = ask("観光拠点のワイファイ", "多治見市");
		assertThat(continued.answered()).isTrue();
		assertThat(continued.results().getFirst().id()).isEqualTo("t-4-2-01");
	}

	@Test
	void quotesTheSentenceThatAnswersAWhenQuestion() {
		Hit first = ask("防災アプリはいつ導入されたの？", "多治見市").results().getFirst();
		assertThat(first.id()).isEqualTo("t-4-1-01");
		assertThat(first.excerpt()).startsWith("新たな防災情報伝達手段の多重化として令和3年1月に防災アプリを導入しました。");
	}

	@Test
	void cutsOverLongQuestionsAndSurvivesOddCharacters() {
		Answer answer = ask("防災アプリ".repeat(2000), "多治見市");
		assertThat(answer.query()).hasSize(QuestionText.MAX_CODE_POINTS);
		assertThat(answer.results().getFirst().id()).isEqualTo("t-4-1-01");
		assertThat(ask("\uD800防災\u0000アプリ\u200B\u202E", "多治見市").query()).isEqualTo("防災 アプリ\u200B\u202E");
		assertThat(ask("title:(a OR b) AND c* ~2 \"", null).answered()).isFalse();
	}

	private String first(String question, String city) {
		Answer answer = ask(question, city);
		assertThat(answer.answered()).as(question + " " + answer).isTrue();
		return answer.results().getFirst().id();
	}

	private Answer ask(String question, String city) {
		return search.answer(new Question(question, city, 5));
	}
}
