package jp.shisakunavi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The exact tokens the analyzers produce for what citizens type. */
class JapaneseAnalysisTest {

	private final JapaneseAnalysis analysis = new JapaneseAnalysis(Vocabulary.defaults());

	@Test
	void keepsAbbreviationsWholeAndExpandsThemInQuestions() throws IOException {
		assertThat(tokens(analysis.text(), "マイナカード")).containsExactly("マイナカード");
		assertThat(tokens(analysis.text(), "マイナンバーカードを活用したサービス"))
			.containsExactly("マイナンバ", "カード", "活用", "サービス");
	}

	@Test
	void bringsWifiSpellingsTogether() throws IOException {
		assertThat(tokens(analysis.text(), "Ｗｉ－Ｆｉ環境の整備")).containsExactly("wifi", "環境", "整備");
		assertThat(tokens(analysis.text(), "wi-fi")).containsExactly("wifi");
	}

	@Test
	void foldsHalfWidthKatakanaAndTheSmallKe() throws IOException {
		assertThat(tokens(analysis.text(), "ｺﾝﾋﾞﾆ交付")).containsExactly("コンビニ", "交付");
		assertThat(tokens(analysis.text(), "茅ケ崎市")).containsExactly("茅ケ崎", "市");
		assertThat(tokens(analysis.text(), "茅ヶ崎市")).containsExactly("茅ケ崎", "市");
		assertThat(tokens(analysis.text(), "茅ヵ崎")).containsExactly("茅ケ崎");
	}

	@Test
	void readsKanaQuestionsLikeTheKanjiTheyStandFor() throws IOException {
		List<String> kanji = List.of("ボウ", "ウサ", "サイ", "イア", "アプ", "プリ");
		assertThat(tokens(analysis.reading(), "ぼうさいあぷり")).containsExactlyElementsOf(kanji);
		assertThat(tokens(analysis.reading(), "防災アプリ")).containsExactlyElementsOf(kanji);
		assertThat(tokens(analysis.reading(), "ボウサイアプリ")).containsExactlyElementsOf(kanji);
	}

	@Test
	void splitsFiscalYearsIntoEraNumberAndYear() throws IOException {
		assertThat(tokens(analysis.text(), "令和4年度")).containsExactly("令和", "4", "年度");
		assertThat(tokens(analysis.text(), "令和４年度")).containsExactly("令和", "4", "年度");
		assertThat(tokens(analysis.text(), "1,000件")).containsExactly("1000", "件");
	}

	@Test
	void dropsParticlesPoliteEndingsAndSymbols() throws IOException {
		assertThat(tokens(analysis.text(), "防災アプリはいつから使えますか？")).containsExactly("防災", "アプリ", "使える");
		assertThat(tokens(analysis.text(), "😀！？")).isEmpty();
		assertThat(tokens(analysis.bigramQuery(), "😀")).isEmpty();
	}

	@Test
	void cutsUnknownWordsIntoBigramsAndKeepsLatinWords() throws IOException {
		assertThat(tokens(analysis.bigramQuery(), "ＧＩＧＡスクール構想")).containsExactly("giga", "スク", "クー", "ール", "ル構",
				"構想");
		assertThat(tokens(analysis.bigrams(), "防災")).containsExactly("防", "防災", "災");
	}

	@Test
	void keepsTheNameOfTheMobileNetworkWhole() throws IOException {
		assertThat(tokens(analysis.text(), "５Ｇ環境の拡充")).containsExactly("5g", "環境", "拡充");
		assertThat(tokens(analysis.textQuery(), "小山市の5Gってどうなってますか")).contains("5g");
	}

	@Test
	void rejectsABrokenUserDictionaryWithTheLine() {
		Vocabulary broken = new Vocabulary("防災アプリ,防災 アプリ", "", "", "", "", "broken");
		assertThatThrownBy(() -> new JapaneseAnalysis(broken)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("防災アプリ,防災 アプリ");
	}

	static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}
}
