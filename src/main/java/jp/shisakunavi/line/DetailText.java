package jp.shisakunavi.line;

import java.util.List;
import java.util.stream.Collectors;

import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Section;

/** The details of a measure or item as one text message (cut to LINE's 5,000 characters). */
final class DetailText {

	private static final int SECTION_LENGTH = 600;

	private DetailText() {
	}

	static String of(MeasureView view) {
		StringBuilder text = new StringBuilder();
		text.append("【").append(view.unit().title()).append("】\n");
		text.append(view.plan().municipality()).append("・").append(view.plan().title()).append('\n');
		if (!view.pillarLine().isBlank()) {
			text.append(view.pillarLine()).append('\n');
		}
		if (!view.departments().isBlank()) {
			text.append("担当：").append(view.departments()).append('\n');
		}
		if (!view.measure().targets().isEmpty() && !view.isItem()) {
			text.append("\n■目標\n").append(String.join("\n", view.measure().targets())).append('\n');
		}
		if (!view.unit().evaluations().isEmpty()) {
			text.append("\n■評価の推移\n").append(view.unit().evaluations().stream()
				.map(DetailText::evaluation)
				.collect(Collectors.joining("\n"))).append('\n');
		}
		if (!view.measure().schedule().isEmpty()) {
			text.append("\n■実施計画\n").append(view.schedule().replace("／", "\n")).append('\n');
		}
		// The unit's own progress: an item's is its own paragraph, not its measure's (which covers every item).
		List<Evaluation> progressed = view.unit().latestEvaluations().stream()
			.filter(e -> e.progress() != null && !e.progress().isBlank())
			.toList();
		if (!progressed.isEmpty()) {
			text.append("\n■進捗（").append(FiscalYear.format(progressed.getFirst().fiscalYear())).append("）\n");
			progressed.forEach(e -> text.append(e.department() == null ? "" : e.department() + "：")
				.append(LineLimits.cut(e.progress().strip(), SECTION_LENGTH)).append('\n'));
		}
		for (Section section : view.sections()) {
			section(text, section.kind(), section.text());
		}
		view.pillar().ifPresent(pillar -> pillar.sections().forEach(section -> section(text, section.kind() + "（"
				+ view.plan().pillarLabel() + "「" + pillar.title() + "」について）", section.text())));
		if (!view.terms().isEmpty()) {
			text.append("\n■注釈\n");
			view.terms().forEach(term -> text.append(term.question()).append('\n').append(term.answer()).append('\n'));
		}
		return LineLimits.cut(text.toString().strip(), LineLimits.TEXT_LENGTH);
	}

	/** A text under its heading, as printed: whose opinion a comment is stays in the heading. */
	private static void section(StringBuilder text, String heading, String body) {
		text.append("\n■").append(heading).append('\n').append(LineLimits.cut(body, SECTION_LENGTH)).append('\n');
	}

	private static String evaluation(Evaluation e) {
		return FiscalYear.format(e.fiscalYear()) + (e.department() == null ? "" : " " + e.department()) + "：" + e.rating()
				+ (e.mark() == null ? "" : e.mark());
	}
}
