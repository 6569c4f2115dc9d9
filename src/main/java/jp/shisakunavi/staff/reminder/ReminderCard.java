package jp.shisakunavi.staff.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.FlexSeparator;
import com.linecorp.bot.messaging.model.FlexText;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.PostbackAction;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.PreviousEvaluation;
import jp.shisakunavi.staff.Round;

/**
 * The reminder a staff member reads: one Flex bubble naming what their departments still owe in the round. For
 * reporters each unit has its button to report it ({@code staff:report:<obligationId>}, handled by the staff
 * chat); heads see the list; the coordinating department sees the departments that are late. At most
 * {@link #MAX_UNITS} lines; the rest is counted and left to 「報告状況」.
 */
final class ReminderCard {

	static final int MAX_UNITS = 10;
	static final String REPORT_POSTBACK = "staff:report:";
	static final String STATUS_TEXT = "報告状況";
	private static final String MUTED = "#6B7280";
	private static final String ALERT = "#B91C1C";
	private static final int TITLE_LENGTH = 60;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);

	private ReminderCard() {
	}

	/** For reporters and heads: what their departments owe. */
	static FlexMessage departments(Round round, ReminderWave wave, List<String> departments, List<Obligation> owed) {
		boolean reporter = wave.audience() == StaffRole.REPORTER;
		String names = String.join("・", departments);
		String title = reporter ? "進捗報告のお願い" : "進捗報告の期限超過（所属長の方へ）";
		String summary = summary(round, wave, names, owed.size());
		List<FlexComponent> body = new ArrayList<>(header(title, round, summary, wave.overdueDays() > 0));
		for (Obligation obligation : owed.subList(0, Math.min(owed.size(), MAX_UNITS))) {
			body.add(separator());
			body.add(text(cut(obligation.unitTitle(), TITLE_LENGTH), "sm", null, true));
			body.add(text(previous(obligation.previous()), "xs", MUTED, false));
			if (reporter) {
				body.add(button(new PostbackAction.Builder().label("報告する")
					.data(REPORT_POSTBACK + obligation.id())
					.displayText("「" + cut(obligation.unitTitle(), 40) + "」を報告します")
					.build(), true));
			}
		}
		int more = owed.size() - MAX_UNITS;
		if (more > 0) {
			body.add(separator());
			body.add(text("ほか" + more + "件は「" + STATUS_TEXT + "」からご覧ください。", "sm", null, false));
		}
		if (more > 0 || !reporter) {
			body.add(button(new MessageAction.Builder().label(STATUS_TEXT).text(STATUS_TEXT).build(), false));
		}
		return message(title + "：" + summary, body);
	}

	/** For the coordinating department: the departments that still owe reports past the due date. */
	static FlexMessage coordinators(Round round, ReminderWave wave, List<Obligation> owed) {
		Map<String, Integer> perDepartment = new LinkedHashMap<>();
		owed.forEach(o -> perDepartment.merge(o.department(), 1, Integer::sum));
		String title = "未提出の課があります（取りまとめ）";
		String summary = "期限の" + DAY.format(round.dueOn()) + "を" + wave.overdueDays() + "営業日過ぎて、" + perDepartment.size()
				+ "課の" + owed.size() + "件が未提出です。";
		List<FlexComponent> body = new ArrayList<>(header(title, round, summary, true));
		body.add(separator());
		perDepartment.entrySet().stream().limit(MAX_UNITS)
			.forEach(e -> body.add(text(e.getKey() + "：" + e.getValue() + "件", "sm", null, false)));
		if (perDepartment.size() > MAX_UNITS) {
			body.add(text("ほか" + (perDepartment.size() - MAX_UNITS) + "課", "sm", null, false));
		}
		body.add(text("報告依頼の状況は管理画面でご覧いただけます。", "xs", MUTED, false));
		return message(title + "：" + summary, body);
	}

	private static String summary(Round round, ReminderWave wave, String departments, int owed) {
		LocalDate due = round.dueOn();
		if (wave.overdueDays() > 0) {
			return "期限の" + DAY.format(due) + "を過ぎています。" + departments + "の未提出は" + owed + "件です。";
		}
		if (!wave.date().isBefore(due)) {
			return "本日が期限です。" + departments + "の未提出は" + owed + "件です。";
		}
		return departments + "の未提出は" + owed + "件です。期限は" + DAY.format(due) + "です。";
	}

	private static List<FlexComponent> header(String title, Round round, String summary, boolean late) {
		return List.of(text(title, "lg", late ? ALERT : null, true),
				text(round.planTitle() + "（" + FiscalYear.format(round.fiscalYear()) + "の報告）", "xs", MUTED, false),
				text(summary, "sm", null, false));
	}

	private static String previous(PreviousEvaluation previous) {
		if (previous == null || previous.rating() == null) {
			return "前年度の評価はありません";
		}
		return "前年度（" + FiscalYear.format(previous.fiscalYear()) + "）の評価：" + previous.rating()
				+ (previous.meaning() == null || previous.meaning().isBlank() ? "" : "（" + previous.meaning() + "）");
	}

	private static FlexMessage message(String altText, List<FlexComponent> body) {
		FlexBubble bubble = new FlexBubble.Builder()
			.body(new FlexBox.Builder(FlexBox.Layout.VERTICAL, body).spacing("sm").build())
			.build();
		return new FlexMessage(cut(altText, 400), bubble);
	}

	private static FlexText text(String text, String size, String color, boolean bold) {
		FlexText.Builder builder = new FlexText.Builder().text(text).size(size).wrap(true);
		if (color != null) {
			builder.color(color);
		}
		if (bold) {
			builder.weight(FlexText.Weight.BOLD);
		}
		return builder.build();
	}

	private static FlexSeparator separator() {
		return new FlexSeparator.Builder().margin("md").build();
	}

	private static FlexButton button(Action action, boolean primary) {
		return new FlexButton.Builder(action)
			.style(primary ? FlexButton.Style.PRIMARY : FlexButton.Style.LINK)
			.height(FlexButton.Height.SM)
			.build();
	}

	private static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}
}
