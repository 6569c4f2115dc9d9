package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.search.Catalog.Phrase;

/**
 * Reads a question: which city, department, rating and fiscal year it names, and what it asks for (intent).
 * Everything recognised is cut out of the text, so that what remains is the subject to search for.
 */
final class QueryUnderstanding {

	private static final String SYMBOLS = "A-DXYZ◎○〇▲";
	private static final List<Pattern> RATING = List.of(
			Pattern.compile("評価\\s*(?:が|は|の|=|:|:)?\\s*([" + SYMBOLS + "])(?![A-Z])"),
			Pattern.compile("(?<![A-Z])([" + SYMBOLS + "])\\s*(?:評価|ランク|判定)"),
			// A bare symbol only where nothing else can be meant: Bだった事業, Cの施策.
			Pattern.compile("(?<![A-Z0-9])([" + SYMBOLS + "])(?![A-Z0-9])\\s*(?:だった|でした|になった|の(?:施策|事業|細目|取組))"));
	private static final Pattern FISCAL_YEAR = Pattern
		.compile("(?:令和|平成|(?<![A-Z])[RH](?=\\s*(?:元|\\d)))\\s*(?:元|\\d{1,2})\\s*(?:年度?)?|(?:19|20)\\d\\d\\s*年度");
	private static final Pattern GREETING = Pattern
		.compile("こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう|はじめまして|初めまして|よろしく|^(?:hello|hi|hey|やあ|どうも)(?![a-z])");
	private static final Pattern POLITE = Pattern.compile("ござる|ござい|ます|です|ございます|様|さま|皆さん|みなさん|お世話|世話|今日|今晩|どうも|すみません|とても|本当|ほんとう|大変");
	private static final Pattern THANKS = Pattern.compile("ありがと|有難う|サンキュー|thank|助かりました|感謝");
	private static final Pattern HELP = Pattern
		.compile("使い方|つかいかた|ヘルプ|help|何ができ|なにができ|何を聞け|なにをきけ|何が聞け|どう使|どうやって使|メニュー|何を質問");
	private static final Pattern MEANING = Pattern.compile("意味|とは|って何|ってなに|ってなん|どういう|何を表|基準|定義");
	private static final Pattern DEFINITION = Pattern
		.compile("とは|って何|ってなに|ってなん|って\\?|の意味|意味は|意味を|とはなん|って誰|ってどんな|はなんですか|は何ですか");
	private static final Pattern SCHEDULE = Pattern
		.compile("いつ|何年度|なんねんど|時期|スケジュール|予定|開始|始ま|はじま|始め|から使え|までに|何年から|計画期間");
	private static final Set<String> RATING_WORDS = Set.of("評価", "記号", "ランク", "見方");
	private static final Pattern PILLAR_NUMBER = Pattern
		.compile("(?:基本施策|基本方針|基本目標|施策展開の柱|柱)\\s*\\(?\\s*(\\d{1,2})\\s*\\)?|第\\s*(\\d{1,2})\\s*款");
	private static final Pattern LIST_CUE = Pattern.compile("一覧|リスト|全部|すべて|全て|どれ|どの|どんな|何が|なにが|ありますか|ある\\?|教えて|は\\?|は$|を$");

	private QueryUnderstanding() {
	}

	static Understood understand(String question, String askerCity, IndexSnapshot snapshot) {
		Catalog catalog = snapshot.catalog();
		String text = JapaneseAnalysis.normalize(question);
		String upper = Normalizer.normalize(question, Normalizer.Form.NFKC).toUpperCase();

		Optional<Phrase<Catalog.City>> named = Catalog.firstIn(text, catalog.cityNames());
		Catalog.City city = named.map(Phrase::value).orElseGet(() -> catalog.city(askerCity).orElse(null));
		if (named.isPresent()) {
			text = named.get().cutFrom(text);
		}

		Integer fiscalYear = null;
		Matcher year = FISCAL_YEAR.matcher(text.toUpperCase());
		if (year.find()) {
			fiscalYear = FiscalYear.find(year.group()).orElse(null);
			text = text.substring(0, year.start()) + " " + text.substring(year.end());
		}

		String beforeGroups = text;
		Optional<Phrase<String>> namedDepartment = Catalog.firstIn(text, catalog.departments());
		String department = namedDepartment.map(Phrase::value).orElse(null);
		String rest = namedDepartment.isPresent() ? namedDepartment.get().cutFrom(text) : text;

		Optional<Phrase<Pillar>> pillar = findPillar(rest, city, catalog);
		if (pillar.isPresent()) {
			rest = pillar.get().cutFrom(rest);
		}

		List<RatingScheme> schemes = city != null ? city.schemes() : catalog.schemes();
		String rating = explicitRating(upper, schemes);
		boolean ratingByMeaning = false;
		if (rating != null) {
			rest = rest.replaceAll("評価|ランク|判定", " ")
				.replaceAll("(?<![a-z])" + Pattern.quote(rating.toLowerCase()) + "(?![a-z])", " ");
		}
		else {
			Optional<Phrase<String>> meaning = Catalog.firstIn(rest, city != null ? city.meanings() : catalog.meanings());
			if (meaning.isPresent()) {
				rating = meaning.get().value();
				rest = meaning.get().cutFrom(rest);
				ratingByMeaning = true;
			}
		}

		Optional<Intent> smallTalk = smallTalk(rest, snapshot);
		if (smallTalk.isPresent()) {
			return new Understood(new Understanding(city == null ? null : city.name(), null, null, null, null),
					smallTalk.get(), city, named.isPresent(), List.of());
		}
		List<String> content = contentTokens(rest, snapshot);
		Intent intent = intent(text, content, rating, ratingByMeaning, department != null || pillar.isPresent(),
				named.isPresent(), fiscalYear);
		if (intent != Intent.LIST && (ratingByMeaning || pillar.isPresent() || department != null)) {
			// A phrase like 達成できなかった, a pillar's title or a department outside a list question describes
			// a measure: it stays part of what is searched for.
			rating = ratingByMeaning ? null : rating;
			pillar = Optional.empty();
			content = contentTokens(beforeGroups, snapshot);
		}
		Understanding understanding = new Understanding(city == null ? null : city.name(), department, rating,
				fiscalYear, pillar.map(p -> p.value().title()).orElse(null));
		return new Understood(understanding, intent, city, named.isPresent(), content);
	}

	private static Intent intent(String text, List<String> content, String rating, boolean ratingByMeaning,
			boolean groupNamed, boolean cityNamed, Integer fiscalYear) {
		boolean nothingElse = content.isEmpty();
		boolean aboutRatings = rating != null && !ratingByMeaning || text.contains("評価");
		if (aboutRatings && MEANING.matcher(text).find() && content.stream().allMatch(RATING_WORDS::contains)) {
			return Intent.RATING_MEANING;
		}
		if (nothingElse && (rating != null || groupNamed
				|| (cityNamed || fiscalYear != null) && LIST_CUE.matcher(text).find() && hasListWord(text))) {
			return Intent.LIST;
		}
		if (HELP.matcher(text).find() && content.size() <= 1) {
			return Intent.HELP;
		}
		if (nothingElse) {
			return Intent.OUT_OF_SCOPE;
		}
		if (DEFINITION.matcher(text).find()) {
			return Intent.DEFINITION;
		}
		if (SCHEDULE.matcher(text).find()) {
			return Intent.SCHEDULE;
		}
		return Intent.STATUS;
	}

	/** Thanks or a greeting with nothing else in it. */
	private static Optional<Intent> smallTalk(String text, IndexSnapshot snapshot) {
		for (Map.Entry<Pattern, Intent> candidate : List.of(Map.entry(THANKS, Intent.THANKS),
				Map.entry(GREETING, Intent.GREETING))) {
			Matcher matcher = candidate.getKey().matcher(text);
			if (matcher.find() && contentTokens(matcher.replaceAll(" "), snapshot).stream()
				.allMatch(t -> t.length() <= 1 || candidate.getKey().matcher(t).find() || POLITE.matcher(t).matches())) {
				return Optional.of(candidate.getValue());
			}
		}
		return Optional.empty();
	}

	private static boolean hasListWord(String text) {
		return text.contains("施策") || text.contains("事業") || text.contains("取組") || text.contains("取り組み")
				|| text.contains("一覧") || text.contains("細目");
	}

	/** A pillar by number (基本施策(2), 第1款) in the city's newest plan, or by its title in any plan. */
	private static Optional<Phrase<Pillar>> findPillar(String text, Catalog.City city, Catalog catalog) {
		if (city != null) {
			Matcher number = PILLAR_NUMBER.matcher(text);
			if (number.find()) {
				String found = number.group(1) != null ? number.group(1) : number.group(2);
				Optional<Pillar> pillar = city.newest().pillar(found);
				if (pillar.isPresent()) {
					return Optional.of(new Phrase<>(pillar.get(), number.group()));
				}
			}
		}
		List<Catalog.City> cities = city != null ? List.of(city) : catalog.cities();
		for (Catalog.City candidate : cities) {
			Optional<Phrase<Pillar>> found = Catalog.firstIn(text, candidate.pillars());
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static String explicitRating(String upper, List<RatingScheme> schemes) {
		for (Pattern pattern : RATING) {
			Matcher matcher = pattern.matcher(upper);
			while (matcher.find()) {
				String symbol = matcher.group(1).replace('〇', '○');
				if (schemes.isEmpty() || schemes.stream().anyMatch(s -> s.find(symbol).isPresent())) {
					return symbol;
				}
			}
		}
		return null;
	}

	/**
	 * The analyzed words of a text that say what it is about (question words and one-off symbols left out).
	 * Hiragana written for a kanji or katakana word (まいなんばーかーど, ぼうさいあぷり) is cut into arbitrary
	 * pieces, some turned into base forms; such a run is kept as written, so that its reading can be compared.
	 */
	static List<String> contentTokens(String text, IndexSnapshot snapshot) {
		List<String> tokens = new ArrayList<>();
		Analyzer analyzer = snapshot.analysis().textQueryWithoutSynonyms();
		try (TokenStream stream = analyzer.tokenStream(IndexBuilder.TITLE, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			int runStart = -1;
			int runEnd = -1;
			int runTokens = 0;
			List<String> runWords = new ArrayList<>();
			while (stream.incrementToken()) {
				String surface = text.substring(offset.startOffset(), offset.endOffset());
				boolean hiragana = Kana.isHiragana(surface);
				if (hiragana && runTokens > 0 && offset.startOffset() - runEnd <= 1) {
					runEnd = offset.endOffset();
					runTokens++;
					runWords.add(term.toString());
					continue;
				}
				addRun(text, runStart, runEnd, runTokens, runWords, tokens, snapshot);
				runWords.clear();
				runTokens = hiragana ? 1 : 0;
				runStart = offset.startOffset();
				runEnd = offset.endOffset();
				if (hiragana) {
					runWords.add(term.toString());
				}
				else {
					add(term.toString(), tokens, snapshot);
				}
			}
			addRun(text, runStart, runEnd, runTokens, runWords, tokens, snapshot);
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return tokens;
	}

	private static void addRun(String text, int start, int end, int count, List<String> words, List<String> tokens,
			IndexSnapshot snapshot) {
		if (count >= 2) {
			add(text.substring(start, end), tokens, snapshot);
		}
		else {
			words.forEach(word -> add(word, tokens, snapshot));
		}
	}

	private static void add(String token, List<String> tokens, IndexSnapshot snapshot) {
		if (!snapshot.questionWords().contains(token) && !tokens.contains(token)) {
			tokens.add(token);
		}
	}
}
