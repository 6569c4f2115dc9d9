package jp.shisakunavi.line;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.Intent;
import jp.shisakunavi.search.Question;
import jp.shisakunavi.search.Search;

/**
 * The example questions offered as quick replies, for the city the user chose: only questions that the bot
 * answers for that city (checked by asking them), so that an example never leads to "I don't know" — a city
 * without ratings gets no rating list, a city without 防災アプリ another topic.
 */
@Component
class Examples {

	static final String RATINGS = Phrases.MENU_RATINGS;
	static final String HELP = Phrases.MENU_HELP;
	private static final int TOPICS = 2;
	/** Topics citizens ask about, in this order of preference; each city gets those its plans answer. */
	private static final List<String> TOPIC_QUESTIONS = List.of("防災アプリはいつから？", "マイナンバーカードの取り組みは？",
			"オープンデータはどうなっていますか？", "電子申請はできますか？", "スマート農業の予定は？", "公衆無線LANの整備は？");
	private static final String DEFINITION = "RPAとは？";
	private static final List<String> PREFERRED_SYMBOLS = List.of("C", "B", "A", "D");

	private final Search search;
	private final PlanCatalog plans;
	private final Cache<String, List<String>> byCity = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(10))
		.maximumSize(100)
		.build();

	Examples(Search search, PlanCatalog plans) {
		this.search = search;
		this.plans = plans;
	}

	/** At most five questions: topics, a rating list where there are ratings, the legend, a term, 使い方. */
	List<String> forCity(String city) {
		if (city == null) {
			return List.of(TOPIC_QUESTIONS.getFirst(), RATINGS, DEFINITION, HELP);
		}
		return byCity.get(city, this::compute);
	}

	private List<String> compute(String city) {
		List<String> examples = new ArrayList<>();
		TOPIC_QUESTIONS.stream().filter(q -> answersFor(q, city)).limit(TOPICS).forEach(examples::add);
		ratingList(city).ifPresent(examples::add);
		examples.add(RATINGS);
		if (answersFor(DEFINITION, city)) {
			examples.add(DEFINITION);
		}
		examples.add(HELP);
		return List.copyOf(examples.subList(0, Math.min(5, examples.size())));
	}

	private boolean answersFor(String question, String city) {
		Answer answer = search.answer(new Question(question, city, 1));
		return answer.answered() && !answer.results().isEmpty() && (answer.results().getFirst().municipality() == null
				|| answer.results().getFirst().municipality().equals(city));
	}

	/** 評価がCの施策は？ with a symbol that some unit of the city's newest rated plan has. */
	private Optional<String> ratingList(String city) {
		Optional<Plan> rated = plans.plans().stream()
			.filter(p -> p.municipality().equals(city) && !p.ratingScheme().isEmpty())
			.max((a, b) -> Integer.compare(a.period().from(), b.period().from()));
		return rated.flatMap(plan -> PREFERRED_SYMBOLS.stream()
			.filter(symbol -> plan.ratingScheme().find(symbol).isPresent())
			.map(symbol -> "評価が" + symbol + "の施策は？")
			.filter(question -> {
				Answer answer = search.answer(new Question(question, city, 1));
				return answer.intent() == Intent.LIST && !answer.results().isEmpty();
			})
			.findFirst());
	}
}
