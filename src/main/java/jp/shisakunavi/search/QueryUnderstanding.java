package jp.shisakunavi.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingState;
import jp.shisakunavi.search.Catalog.Phrase;

/**
 * Reads a question: which city, plan, department, rating and fiscal year it names, and what it asks for
 * (intent). Everything recognised is cut out of the text, and so are greetings and closings, so that what
 * remains is the subject to search for.
 */
final class QueryUnderstanding {

	private static final String SYMBOLS = "A-DXYZ◎○〇▲—";
	private static final List<Pattern> RATING = List.of(
			Pattern.compile("評価\\s*(?:が|は|の|=|:|:)?\\s*([" + SYMBOLS + "])(?![A-Z])"),
			Pattern.compile("(?<![A-Z])([" + SYMBOLS + "])\\s*(?:評価|ランク|判定)"),
			// A bare symbol only where nothing else can be meant: Bだった事業, Cの施策, ▲ってどういう意味.
			Pattern.compile("(?<![A-Z0-9])([" + SYMBOLS + "])(?![A-Z0-9])\\s*(?:だった|でした|になった|の(?:施策|事業|細目|取組)"
					+ "|って|とは|の意味|は何|はなに|はどういう)"));
	/** Dashes typed for 茅ヶ崎市's — (not rated). */
	private static final Pattern DASH = Pattern
		.compile("(?:(?<![ぁ-ゖァ-ヺa-zA-Z])|(?<=[のはがでと]))[ー－―‐-](?=\\s*(?:って|とは|の意味|評価))");
	private static final Pattern FISCAL_YEAR = Pattern
		.compile("(?:令和|平成|(?<![A-Z])[RH](?=\\s*(?:元|\\d)))\\s*(?:元|\\d{1,2})\\s*(?:年度?)?|(?:19|20)\\d\\d\\s*年度?");
	private static final Pattern GREETING = Pattern
		.compile("こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう|はじめまして|初めまして|よろしく|^(?:hello|hi|hey|やあ|どうも)(?![a-z])");
	private static final Pattern POLITE = Pattern.compile("ござる|ござい|ます|です|ございます|様|さま|皆さん|みなさん|お世話|世話|今日|今晩|どうも|すみません|とても|本当|ほんとう|大変|助かる");
	private static final Pattern THANKS = Pattern.compile("ありがと|有難う|サンキュー|thank|助かりました|感謝");
	private static final Pattern HELP = Pattern.compile("使い方|つかいかた|ヘルプ|help|何ができ|なにができ|何を聞け|なにをきけ|何が聞け|何を聞けば"
			+ "|どんなこと(?:が|を)?(?:聞け|質問|でき)|なにが聞け|どう使|どうやって使|メニュー|何を質問|施策をさがす|施策を探す|さがし方|探し方");
	private static final Pattern MEANING = Pattern
		.compile("意味|とは|って何|ってなに|ってなん|どういう|何を表|基準|定義|見方|見かた|読み方|どうやって見|どう見|どのくらい|どれくらい"
				+ "|すごい|良い|いい|悪い|だめ|ダメ|なんの評価|何の評価|ある\\?|ありますか");
	private static final Pattern DEFINITION = Pattern.compile("とは|って何|ってなに|ってなん|って\\?|の意味|意味は|意味を|どういう意味"
			+ "|どういうこと|どんな意味|とはなん|って誰|ってどんな|はなんですか|は何ですか|何のこと|なんのこと|の略|何の略|なんの略");
	private static final Pattern SCHEDULE = Pattern
		.compile("いつ|何年度|なんねんど|時期|スケジュール|予定|開始|始ま|はじま|始め|から使え|までに|何年から|計画期間");
	private static final Set<String> RATING_WORDS = Set.of("評価", "記号", "ランク", "見方", "基準", "すごい", "だめ", "ダメ",
			"良い", "いい", "悪い", "ところ", "点", "成績");
	/** Words that, beside a department, ask for what it is in charge of (危機管理課が担当している施策). */
	private static final Set<String> IN_CHARGE = Set.of("担当", "担う", "所管", "受け持つ", "管轄", "主管", "関係", "持つ");
	private static final Pattern PILLAR_NUMBER = Pattern
		.compile("(?:基本施策|基本方針|基本目標|施策展開の柱|柱)\\s*\\(?\\s*(\\d{1,2})\\s*\\)?|第\\s*(\\d{1,2})\\s*款");
	private static final Pattern PLAN_NUMBER = Pattern.compile("第\\s*(\\d{1,2})\\s*次(?:計画|の計画)?");
	private static final Pattern EARLIER_PLAN = Pattern.compile("(?:前|旧|以前|前回|昔)の?計画|前計画|旧計画");
	private static final Pattern LIST_CUE = Pattern.compile("一覧|リスト|全部|すべて|全て|どれ|どの|どんな|何が|なにが|ありますか|ある\\?|教えて|見せて|は\\?|は$|を$|いくつ|何件|何個");
	private static final Map<RatingState, Pattern> STATES = Map.of(
			RatingState.COMPLETED, Pattern.compile("完了|終了|終わっ|終え|達成して終|済み|済んだ"),
			RatingState.ABOLISHED, Pattern.compile("廃止|中止|取りやめ|取り止め|やめた|やめになった|見送"),
			RatingState.UNRATED, Pattern.compile("評価(?:されて|され)?(?:い)?な(?:い|かった|し)|評価なし|未評価"));

	private QueryUnderstanding() {
	}

	static Understood understand(String question, String askerCity, IndexSnapshot snapshot) {
		Catalog catalog = snapshot.catalog();
		String text = JapaneseAnalysis.normalize(question);
		String upper = DASH.matcher(Normalizer.normalize(question, Normalizer.Form.NFKC).toUpperCase()).replaceAll("—");

		Optional<CityFinder.Found> place = CityFinder.find(text, catalog, snapshot);
		Catalog.City named = place.map(CityFinder.Found::city).orElse(null);
		Catalog.City city = named != null ? named : catalog.city(askerCity).orElse(null);
		String otherPlace = place.map(CityFinder.Found::otherPlace).orElse(null);
		if (place.isPresent()) {
			text = text.replace(place.get().cut(), " ");
		}

		Integer fiscalYear = null;
		Matcher year = FISCAL_YEAR.matcher(text.toUpperCase());
		if (year.find()) {
			fiscalYear = FiscalYear.find(year.group()).orElse(null);
			text = text.substring(0, year.start()) + " " + text.substring(year.end());
		}
		Plan plan = null;
		if (city != null) {
			Matcher number = PLAN_NUMBER.matcher(text);
			Matcher earlier = EARLIER_PLAN.matcher(text);
			if (number.find()) {
				plan = city.plans().stream().filter(p -> p.title().contains("第" + number.group(1) + "次")).findFirst()
					.orElse(null);
				text = plan == null ? text : number.replaceFirst(" ");
			}
			else if (earlier.find() && city.plans().size() > 1) {
				plan = city.plans().get(1);
				text = earlier.replaceFirst(" ");
			}
		}

		String beforeGroups = text;
		Optional<Phrase<String>> namedDepartment = Catalog.firstIn(text, catalog.departments());
		String department = namedDepartment.map(Phrase::value).orElse(null);
		String rest = namedDepartment.isPresent() ? namedDepartment.get().cutFrom(text) : text;

		Optional<Phrase<Pillar>> pillar = findPillar(rest, city, plan, catalog);
		if (pillar.isPresent()) {
			rest = pillar.get().cutFrom(rest);
		}

		List<RatingScheme> schemes = city != null ? city.schemes() : catalog.schemes();
		String rating = explicitRating(upper, schemes);
		boolean ratingByMeaning = false;
		RatingState state = null;
		if (rating != null) {
			rest = rest.replaceAll("評価|ランク|判定", " ")
				.replaceAll("(?<![a-z])" + Pattern.quote(rating.toLowerCase()) + "(?![a-z])", " ");
			rest = DASH.matcher(rest).replaceAll(" ");
		}
		else {
			Optional<Phrase<String>> meaning = Catalog.firstIn(rest, city != null ? city.meanings() : catalog.meanings());
			if (meaning.isPresent()) {
				rating = meaning.get().value();
				rest = meaning.get().cutFrom(rest);
				ratingByMeaning = true;
			}
			for (Map.Entry<RatingState, Pattern> candidate : STATES.entrySet()) {
				Matcher matcher = candidate.getValue().matcher(rest);
				if (matcher.find()) {
					// 目標どおりに達成して終わった: the meaning says it already
					state = ratingByMeaning ? null : candidate.getKey();
					rest = matcher.replaceAll(" ");
					break;
				}
			}
		}

		Optional<Intent> smallTalk = smallTalk(rest, snapshot);
		if (smallTalk.isPresent()) {
			return new Understood(new Understanding(city == null ? null : city.name(), null, null, null, null, null,
					null, null), smallTalk.get(), city, named != null, null, List.of());
		}
		rest = Pleasantries.cut(rest);
		List<Word> content = ContentWords.of(rest, snapshot);
		if (department != null) {
			content = content.stream().filter(w -> !IN_CHARGE.contains(w.text())).toList();
		}
		Intent intent = intent(text, content, rating, ratingByMeaning, state,
				department != null || pillar.isPresent() || plan != null, named != null, fiscalYear);
		if (intent != Intent.LIST && (ratingByMeaning || state != null || pillar.isPresent() || department != null)) {
			// A phrase like 達成できなかった, a pillar's title or a department outside a list question describes
			// a measure: it stays part of what is searched for.
			rating = ratingByMeaning ? null : rating;
			state = null;
			pillar = Optional.empty();
			content = ContentWords.of(Pleasantries.cut(beforeGroups), snapshot);
		}
		if (otherPlace != null && named == null) {
			intent = Intent.OUT_OF_SCOPE;
		}
		Understanding understanding = new Understanding(city == null ? null : city.name(), department, rating,
				fiscalYear, pillar.map(p -> p.value().title()).orElse(null), plan == null ? null : plan.id(),
				state == null ? null : state.name().toLowerCase(), otherPlace);
		return new Understood(understanding, intent, city, named != null, state, content);
	}

	private static Intent intent(String text, List<Word> content, String rating, boolean ratingByMeaning,
			RatingState state, boolean groupNamed, boolean cityNamed, Integer fiscalYear) {
		boolean nothingElse = content.isEmpty();
		boolean aboutRatings = rating != null && !ratingByMeaning || text.contains("評価");
		boolean ratingWordsOnly = content.stream().map(Word::text).allMatch(RATING_WORDS::contains);
		if (aboutRatings && MEANING.matcher(text).find() && ratingWordsOnly && !(hasListWord(text) && rating != null)) {
			return Intent.RATING_MEANING;
		}
		if (nothingElse && (rating != null || state != null || groupNamed
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
			if (matcher.find() && ContentWords.of(matcher.replaceAll(" "), snapshot).stream()
				.map(Word::text)
				.allMatch(t -> t.length() <= 1 || candidate.getKey().matcher(t).find() || POLITE.matcher(t).matches())) {
				return Optional.of(candidate.getValue());
			}
		}
		return Optional.empty();
	}

	private static boolean hasListWord(String text) {
		return text.contains("施策") || text.contains("事業") || text.contains("取組") || text.contains("取り組み")
				|| text.contains("一覧") || text.contains("細目") || text.contains("もの") || text.contains("どれ");
	}

	/**
	 * A pillar by number (基本施策(2), 第1款) in the plan asked about or the city's newest plan, or by its title in
	 * any plan.
	 */
	private static Optional<Phrase<Pillar>> findPillar(String text, Catalog.City city, Plan plan, Catalog catalog) {
		if (city != null) {
			Matcher number = PILLAR_NUMBER.matcher(text);
			if (number.find()) {
				String found = number.group(1) != null ? number.group(1) : number.group(2);
				Optional<Pillar> pillar = (plan != null ? plan : city.newest()).pillar(found);
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

	/** The symbol asked about, preferring one the legends use (the first found otherwise: 茅ヶ崎市に評価Dは？). */
	private static String explicitRating(String upper, List<RatingScheme> schemes) {
		String first = null;
		for (Pattern pattern : RATING) {
			Matcher matcher = pattern.matcher(upper);
			while (matcher.find()) {
				String symbol = matcher.group(1).replace('〇', '○');
				if (schemes.isEmpty() || schemes.stream().anyMatch(s -> s.find(symbol).isPresent())) {
					return symbol;
				}
				first = first == null ? symbol : first;
			}
		}
		return first;
	}
}
