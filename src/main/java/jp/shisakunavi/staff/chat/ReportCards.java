package jp.shisakunavi.staff.chat;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexCarousel;
import com.linecorp.bot.messaging.model.FlexComponent;

import jp.shisakunavi.line.Actions;
import jp.shisakunavi.line.Flex;
import jp.shisakunavi.line.LineLimits;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.PreviousEvaluation;
import jp.shisakunavi.staff.ReportDraft;

/** The staff chat's cards: the units to choose from, a unit with last year's report, the confirmation. */
final class ReportCards {

	/** Units per card of the choice; up to 12 cards in a carousel. */
	static final int UNITS_PER_CARD = 8;
	private static final int SHOWN_TEXT = 400;

	private ReportCards() {
	}

	/** One tappable row per unit, each sending {@code staff:report:<id>}. */
	static FlexCarousel choice(List<Obligation> owed) {
		List<FlexBubble> bubbles = new ArrayList<>();
		for (int from = 0; from < owed.size(); from += UNITS_PER_CARD) {
			List<FlexComponent> body = new ArrayList<>();
			body.add(Flex.title("報告する施策"));
			body.add(Flex.small("押すと報告を始めます。" + owed.size() + "件"
					+ (owed.size() > UNITS_PER_CARD ? "（" + (from + 1) + "〜" + Math.min(from + UNITS_PER_CARD, owed.size()) + "件目）" : "")));
			for (Obligation obligation : owed.subList(from, Math.min(from + UNITS_PER_CARD, owed.size()))) {
				body.add(Flex.separator());
				body.add(new FlexBox.Builder(FlexBox.Layout.VERTICAL, List.of(Flex.body(obligation.unitTitle()),
						Flex.small(obligation.department() + "・" + obligation.status().label()
								+ "・締切 " + StaffTexts.day(obligation.dueOn()))))
					.action(Actions.postback(obligation.unitTitle(), StaffPostback.report(obligation.id())))
					.build());
			}
			bubbles.add(new FlexBubble.Builder().body(Flex.column(body)).build());
		}
		return new FlexCarousel(bubbles);
	}

	static String choiceText(List<Obligation> owed) {
		StringBuilder text = new StringBuilder("報告する施策（").append(owed.size()).append("件）");
		owed.stream().limit(30).forEach(o -> text.append("\n・").append(o.unitTitle()));
		return text.toString();
	}

	/** The unit to report, with last year's rating, what it means and last year's progress. */
	static FlexBubble unit(Obligation obligation) {
		List<FlexComponent> body = new ArrayList<>();
		body.add(Flex.small(obligation.municipality() + "・" + FiscalYear.format(obligation.fiscalYear()) + "の報告・"
				+ obligation.department()));
		body.add(Flex.title(obligation.unitTitle()));
		if (!obligation.unitTitle().equals(obligation.measureTitle())) {
			body.add(Flex.small("施策：" + obligation.measureTitle()));
		}
		body.add(Flex.small("締切 " + StaffTexts.day(obligation.dueOn()) + "・" + obligation.status().label()));
		body.add(Flex.separator());
		PreviousEvaluation previous = obligation.previous();
		if (previous == null || previous.rating() == null) {
			body.add(Flex.small("前年度の評価はありません。"));
		}
		else {
			body.add(Flex.strong("前年度（" + FiscalYear.format(previous.fiscalYear()) + "）の評価 " + previous.rating()
					+ (previous.meaning() == null || previous.meaning().isBlank() ? "" : "（" + previous.meaning() + "）")));
			if (previous.progress() != null && !previous.progress().isBlank()) {
				body.add(Flex.body("前年度の実績：" + LineLimits.cut(previous.progress(), SHOWN_TEXT)));
			}
		}
		if (obligation.returnComment() != null && !obligation.returnComment().isBlank()) {
			body.add(Flex.separator());
			body.add(Flex.strong("差戻しのコメント"));
			body.add(Flex.body(LineLimits.cut(obligation.returnComment(), SHOWN_TEXT)));
		}
		return new FlexBubble.Builder().body(Flex.column(body)).build();
	}

	static String unitText(Obligation obligation) {
		PreviousEvaluation previous = obligation.previous();
		return "「" + obligation.unitTitle() + "」の報告" + (previous == null || previous.rating() == null ? ""
				: "（前年度の評価 " + previous.rating() + "）");
	}

	/** What will be submitted, with 提出する (stating the version it shows), 入力し直す and やめる. */
	static FlexBubble confirmation(Obligation obligation, RatingScheme legend) {
		ReportDraft report = obligation.report();
		List<FlexComponent> body = new ArrayList<>();
		body.add(Flex.small("この内容で提出しますか？"));
		body.add(Flex.title(obligation.unitTitle()));
		body.add(Flex.separator());
		body.add(Flex.strong("評価 " + report.rating() + legend.find(report.rating()).map(s -> "（" + s.meaning() + "）").orElse("")));
		body.add(Flex.small("実績"));
		body.add(Flex.body(LineLimits.cut(report.progress(), SHOWN_TEXT)));
		body.add(Flex.small("課題"));
		body.add(Flex.body(report.issues() == null ? "なし" : LineLimits.cut(report.issues(), SHOWN_TEXT)));
		List<FlexComponent> footer = List.of(
				Flex.button(Actions.postback("提出する", StaffPostback.submit(obligation.id(), obligation.version())), true),
				Flex.button(Actions.postback("入力し直す", StaffPostback.restart(obligation.id())), false),
				Flex.button(Actions.say(StaffMenu.STOP, StaffMenu.STOP), false));
		return new FlexBubble.Builder().body(Flex.column(body)).footer(Flex.column(footer)).build();
	}

	static String confirmationText(Obligation obligation) {
		ReportDraft report = obligation.report();
		return "「" + obligation.unitTitle() + "」評価 " + report.rating() + "：この内容で提出しますか？";
	}
}
