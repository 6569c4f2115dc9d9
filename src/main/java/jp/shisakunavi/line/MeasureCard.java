package jp.shisakunavi.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexComponent;

import jp.shisakunavi.plan.FiscalYear;

/** The card that answers a question about one measure or item. */
final class MeasureCard {

	private static final int PROGRESS_LENGTH = 140;
	private static final int ISSUES_LENGTH = 90;

	private MeasureCard() {
	}

	/**
	 * @param askedYear the fiscal year the question asked about: its rating is shown first, then the latest
	 * @param excerpt the part of the text that answers the question, or null for the latest progress
	 */
	static FlexBubble of(MeasureView view, String query, Integer askedYear, String excerpt) {
		List<FlexComponent> body = new ArrayList<>();
		body.add(Flex.small(view.plan().municipality() + "・" + view.plan().title()));
		body.add(Flex.title(view.unit().title()));
		if (view.isItem()) {
			body.add(Flex.small("施策：" + view.measure().title()
					+ (view.project() == null ? "" : "／事務事業：" + view.project().title())));
		}
		if (!view.pillarLine().isBlank()) {
			body.add(Flex.small(view.pillarLine()));
		}
		if (!view.departments().isBlank()) {
			body.add(Flex.small("担当：" + view.departments()));
		}
		body.add(Flex.separator());
		List<String> ratings = view.ratingLines();
		Optional<Integer> latest = view.ratedYear();
		Optional<Integer> asked = askedYear == null ? Optional.empty() : view.ratedYearAsOf(askedYear)
			.filter(year -> !latest.equals(Optional.of(year)));
		if (asked.isPresent()) {
			view.ratingLinesAsOf(asked.get()).stream().limit(3).forEach(line -> body.add(Flex.strong("評価 " + line)));
			body.add(Flex.small(FiscalYear.format(asked.get()) + "の評価"));
			body.add(Flex.body("最新（" + FiscalYear.format(latest.get()) + "）：" + String.join("、", ratings)));
		}
		else if (!ratings.isEmpty()) {
			ratings.stream().limit(3).forEach(line -> body.add(Flex.strong("評価 " + line)));
			latest.ifPresent(year -> body.add(Flex.small(FiscalYear.format(year) + "の評価")));
		}
		else if (!view.schedule().isBlank()) {
			body.add(Flex.body("実施計画：" + LineLimits.cut(view.schedule(), PROGRESS_LENGTH)));
		}
		else {
			body.add(Flex.small("この計画書には施策ごとの評価は載っていません。"));
		}
		String text = excerpt != null && !excerpt.isBlank() ? excerpt : view.progress();
		if (!text.isBlank()) {
			body.add(Flex.body(LineLimits.cut(text, PROGRESS_LENGTH)));
		}
		if (!view.openIssues().isBlank()) {
			body.add(Flex.small("課題：" + LineLimits.cut(view.openIssues(), ISSUES_LENGTH)));
		}
		List<FlexComponent> footer = new ArrayList<>();
		footer.add(Flex.button(Actions.postback("詳しく見る", Postback.of(Postback.DETAIL, "id", view.unit().id())), true));
		if (query != null && !query.isBlank()) {
			footer.add(Flex.button(Actions.postback("他の候補", Postback.of(Postback.MORE, "q", query)), false));
		}
		footer.add(Flex.button(Actions.postback("この施策の通知を受け取る",
				Postback.of(Postback.FOLLOW, "id", view.unit().id())), false));
		return new FlexBubble.Builder().body(Flex.column(body)).footer(Flex.column(footer)).build();
	}

	static String altText(MeasureView view) {
		List<String> ratings = view.ratingLines();
		return view.plan().municipality() + "「" + view.unit().title() + "」"
				+ (ratings.isEmpty() ? "" : " 評価 " + String.join("、", ratings));
	}
}
