package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.RatingMeaning;

/**
 * The answer to 評価Cってどういう意味？ or 評価の見方: what the symbols mean in the legend of each plan, or that the
 * city's plans have no ratings, or none with that symbol.
 */
final class RatingLegend {

	private RatingLegend() {
	}

	/**
	 * @param plans the plans of the city asked about (newest first), or of every city
	 */
	static String of(Answer answer, List<Plan> plans) {
		String city = answer.understood() == null ? null : answer.understood().municipality();
		String symbol = answer.understood() == null ? null : answer.understood().rating();
		if (!answer.ratingMeanings().isEmpty()) {
			Map<String, List<RatingMeaning>> byPlan = new LinkedHashMap<>();
			answer.ratingMeanings().forEach(m -> byPlan.computeIfAbsent(m.municipality() + "の「" + m.plan() + "」",
					k -> new ArrayList<>()).add(m));
			if (symbol != null) {
				return byPlan.entrySet().stream()
					.map(e -> e.getKey() + "では、評価「" + symbol + "」は「" + meaning(e.getValue().getFirst()) + "」という意味です。")
					.collect(Collectors.joining("\n"));
			}
			return byPlan.entrySet().stream()
				.map(e -> e.getKey() + "の評価の意味\n" + e.getValue().stream()
					.map(m -> m.symbol() + "：" + meaning(m))
					.collect(Collectors.joining("\n")))
				.collect(Collectors.joining("\n\n"));
		}
		List<Plan> rated = plans.stream().filter(p -> !p.ratingScheme().isEmpty()).toList();
		String who = city == null ? "" : city + "の";
		if (rated.isEmpty()) {
			return who + "計画書には、施策ごとの評価は載っていません。施策の内容や予定についてはお答えできます。";
		}
		String used = rated.getFirst().ratingScheme().symbols().stream().map(s -> s.symbol()).collect(Collectors.joining("、"));
		return who + "計画の評価に「" + symbol + "」はありません。使われている記号は " + used + " です。";
	}

	private static String meaning(RatingMeaning meaning) {
		return meaning.meaning().replaceFirst("[。.]$", "");
	}
}
