package jp.shisakunavi.line;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.shisakunavi.faq.FaqEntry;
import jp.shisakunavi.plan.Department;
import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Item;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Project;
import jp.shisakunavi.plan.Rated;
import jp.shisakunavi.plan.Section;

/**
 * A measure or item with its plan, as citizens read it: the words for its rating, its departments, the short
 * version of its progress.
 *
 * @param terms the FAQ entries that explain the terms its texts mark (the measure's footnotes)
 */
record MeasureView(Plan plan, Measure measure, Project project, Rated unit, List<FaqEntry> terms) {

	private static final List<String> PROGRESS_KINDS = List.of("実績", "事務事業のR4年度進捗", "概要", "施策内容", "取組内容",
			"現状・課題");

	static Optional<MeasureView> of(Plan plan, Measure measure, String unitId, List<FaqEntry> terms) {
		if (measure.id().equals(unitId)) {
			return Optional.of(new MeasureView(plan, measure, null, measure, terms));
		}
		for (Project project : measure.projects()) {
			for (Item item : project.items()) {
				if (item.id().equals(unitId)) {
					return Optional.of(new MeasureView(plan, measure, project, item, terms));
				}
			}
		}
		return Optional.empty();
	}

	boolean isItem() {
		return unit != measure;
	}

	String pillarLine() {
		return pillar()
			.map(p -> (plan.pillarLabel() == null ? "" : plan.pillarLabel()) + "（" + p.number() + "）" + p.title())
			.orElse("");
	}

	String departments() {
		List<Department> own = isItem() && !((Item) unit).departments().isEmpty() ? ((Item) unit).departments()
				: project != null && !project.departments().isEmpty() ? project.departments() : measure.departments();
		List<String> names = own.stream().map(Department::name).toList();
		if (names.isEmpty()) {
			names = unit.latestEvaluations().stream().map(Evaluation::department).filter(d -> d != null).toList();
		}
		return String.join("、", names);
	}

	/** One line per latest evaluation: 「B（目標どおりに実施）」 or 「秘書広報課：B（…）」. */
	List<String> ratingLines() {
		return lines(unit.latestEvaluations());
	}

	/** The same, for the newest fiscal year up to the one given. */
	List<String> ratingLinesAsOf(int fiscalYear) {
		return lines(unit.evaluationsAsOf(fiscalYear));
	}

	Optional<Integer> ratedYearAsOf(int fiscalYear) {
		return unit.evaluationsAsOf(fiscalYear).stream().map(Evaluation::fiscalYear).findFirst();
	}

	private List<String> lines(List<Evaluation> evaluations) {
		return evaluations.stream()
			.map(e -> (e.department() == null ? "" : e.department() + "：") + ratingWithMeaning(e.rating())
					+ (e.mark() == null ? "" : " " + e.mark()))
			.toList();
	}

	String ratingWithMeaning(String rating) {
		return plan.ratingScheme().find(rating).map(s -> rating + "（" + s.meaning().replaceFirst("。$", "") + "）")
			.orElse(rating);
	}

	Optional<Integer> ratedYear() {
		return unit.latestEvaluations().stream().map(Evaluation::fiscalYear).findFirst();
	}

	String schedule() {
		return measure.schedule().stream()
			.map(s -> FiscalYear.format(s.fiscalYear()) + " " + s.text())
			.collect(Collectors.joining("／"));
	}

	/** The newest progress text, else the first descriptive section. */
	String progress() {
		Optional<String> evaluated = unit.latestEvaluations().stream()
			.map(Evaluation::progress)
			.filter(p -> p != null && !p.isBlank())
			.findFirst();
		return evaluated.orElseGet(() -> sections().stream()
			.filter(s -> PROGRESS_KINDS.stream().anyMatch(kind -> s.kind().startsWith(kind)))
			.map(Section::text)
			.findFirst()
			.orElse(""));
	}

	String openIssues() {
		return sections().stream().filter(s -> s.kind().equals("課題")).map(Section::text).findFirst().orElse("");
	}

	/** The pillar the measure stands under, when the plan has it. */
	Optional<Pillar> pillar() {
		return plan.pillar(measure.pillarNumber());
	}

	/** The measure's sections, or an item's own (茅ヶ崎市's items: none; their progress is their own). */
	List<Section> sections() {
		return isItem() ? ((Item) unit).sections() : measure.sections();
	}
}
