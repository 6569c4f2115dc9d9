package jp.shisakunavi.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks a whole request of evaluations against the stored plans and resolves each row to a rated unit. Every
 * problem of every row is collected, so one answer tells the administrator all there is to fix. Reasons are in
 * Japanese: the administrators are the cities' staff.
 */
class EvaluationValidator {

	private static final int MAX_ROWS = EvaluationIntake.MAX_ROWS;
	private static final int MAX_LENGTH = 200;
	private static final int MAX_COMMENT_LENGTH = 2000;
	private static final String FORMULA_START = "=+-@";

	private final List<Plan> plans;
	private final Map<String, List<Measure>> measures = new HashMap<>();
	private final Plans store;

	EvaluationValidator(Plans store) {
		this.store = store;
		this.plans = store.all();
	}

	List<ResolvedEvaluation> validate(List<EvaluationRow> rows) {
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("評価の行がありません");
		}
		if (rows.size() > MAX_ROWS) {
			throw new IllegalArgumentException("一度に登録できるのは" + MAX_ROWS + "行までです（" + rows.size() + "行）");
		}
		List<InvalidEvaluations.Problem> problems = new ArrayList<>();
		List<ResolvedEvaluation> resolved = new ArrayList<>();
		Map<String, ResolvedEvaluation> seen = new HashMap<>();
		for (EvaluationRow row : rows) {
			RowCheck check = new RowCheck(row, problems);
			ResolvedEvaluation evaluation = check.resolve();
			if (evaluation == null) {
				continue;
			}
			String key = evaluation.unitId() + "|" + evaluation.evaluation().fiscalYear() + "|"
					+ evaluation.evaluation().department();
			ResolvedEvaluation earlier = seen.putIfAbsent(key, evaluation);
			if (earlier != null && !earlier.evaluation().rating().equals(evaluation.evaluation().rating())) {
				problems.add(new InvalidEvaluations.Problem(row.row(), "rating", "行" + earlier.row()
						+ "と同じ施策・年度" + (evaluation.evaluation().department() == null ? "" : "・担当課")
						+ "に別の評価「" + earlier.evaluation().rating() + "」があります。どちらか一方にしてください"));
				continue;
			}
			resolved.add(evaluation);
		}
		if (!problems.isEmpty()) {
			throw new InvalidEvaluations(problems);
		}
		return resolved;
	}

	private List<Measure> measuresOf(Plan plan) {
		return measures.computeIfAbsent(plan.id(), store::measuresOf);
	}

	/** Plans that rate per department (多治見市 第3次): each stored rating names its department. */
	private boolean ratesPerDepartment(Plan plan) {
		return measuresOf(plan).stream()
			.flatMap(Measure::ratedUnits)
			.flatMap(u -> u.evaluations().stream())
			.anyMatch(e -> e.department() != null);
	}

	static String normalized(String text) {
		if (text == null) {
			return null;
		}
		String value = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		return value.isEmpty() ? null : value;
	}

	/** The checks of one row; each adds its reasons and gives up on what depends on a failed one. */
	private final class RowCheck {

		private final EvaluationRow row;
		private final List<InvalidEvaluations.Problem> problems;

		RowCheck(EvaluationRow row, List<InvalidEvaluations.Problem> problems) {
			this.row = row;
			this.problems = problems;
		}

		ResolvedEvaluation resolve() {
			int before = problems.size();
			checkLength("municipality", row.municipality(), MAX_LENGTH);
			checkLength("plan", row.plan(), MAX_LENGTH);
			checkLength("measureId", row.measureId(), MAX_LENGTH);
			checkLength("measureTitle", row.measureTitle(), MAX_LENGTH);
			checkLength("fiscalYear", row.fiscalYear(), MAX_LENGTH);
			checkLength("rating", row.rating(), MAX_LENGTH);
			checkLength("department", row.department(), MAX_LENGTH);
			checkLength("comment", row.comment(), MAX_COMMENT_LENGTH);
			checkNotFormula("comment", comment());
			if (problems.size() > before) {
				return null;
			}
			Integer fiscalYear = fiscalYear();
			List<Plan> candidates = plans();
			if (candidates.isEmpty()) {
				return null;
			}
			Placed unit = unit(candidates);
			String rating = null;
			String department = null;
			if (unit != null) {
				rating = rating(unit.plan());
				department = department(unit);
				if (fiscalYear != null) {
					checkPeriod(unit.plan(), fiscalYear);
				}
			}
			if (problems.size() > before) {
				return null;
			}
			return new ResolvedEvaluation(row.row(), unit.measure().id(), unit.rated().id(),
					new Evaluation(fiscalYear, rating, department, null, null, null), comment());
		}

		/** The comment as written: citizens may read it, so its characters are kept (no width folding). */
		private String comment() {
			return row.comment() == null || row.comment().isBlank() ? null : row.comment().strip();
		}

		/**
		 * Comments are published (history, open data) and end up in spreadsheets: one that a spreadsheet would
		 * run as a formula (=, +, -, @ first) is not stored, so that no export can carry one.
		 */
		private void checkNotFormula(String field, String value) {
			if (value != null && FORMULA_START.indexOf(value.charAt(0)) >= 0) {
				problem(field, "「" + value.charAt(0) + "」で始まる文は表計算ソフトで数式として実行されるおそれがあるため登録できません。"
						+ "先頭に別の文字（「・」など）を付けてください");
			}
		}

		private void checkLength(String field, String value, int max) {
			if (value != null && value.length() > max) {
				problem(field, max + "文字を超えています（" + value.length() + "文字）");
			}
		}

		private Integer fiscalYear() {
			String text = normalized(row.fiscalYear());
			if (text == null) {
				problem("fiscalYear", "年度がありません");
				return null;
			}
			try {
				return FiscalYear.parse(text);
			}
			catch (IllegalArgumentException e) {
				problem("fiscalYear", "年度「" + row.fiscalYear().strip()
						+ "」が読めません（例: 2022, 令和4年度, R4, 平成30年度, H30）");
				return null;
			}
		}

		private List<Plan> plans() {
			String municipality = normalized(row.municipality());
			if (municipality == null) {
				problem("municipality", "自治体がありません");
				return List.of();
			}
			List<Plan> ofCity = plans.stream()
				.filter(p -> MunicipalityName.matches(municipality, p.municipality(), p.municipalityKana()))
				.toList();
			if (ofCity.isEmpty()) {
				problem("municipality", "「" + municipality + "」の計画は登録されていません");
				return List.of();
			}
			String plan = normalized(row.plan());
			if (plan == null) {
				return ofCity;
			}
			List<Plan> named = ofCity.stream()
				.filter(p -> p.id().equalsIgnoreCase(plan) || Objects.equals(normalized(p.title()), plan))
				.toList();
			if (named.isEmpty()) {
				problem("plan", "計画「" + plan + "」は" + ofCity.getFirst().municipality() + "にありません（"
						+ ofCity.stream().map(p -> p.id() + " " + p.title()).collect(Collectors.joining("、")) + "）");
			}
			return named;
		}

		private Placed unit(List<Plan> candidates) {
			String id = normalized(row.measureId());
			String title = normalized(row.measureTitle());
			if (id == null && title == null) {
				problem("measureId", "measureId（施策ID）か measureTitle（施策名）が必要です");
				return null;
			}
			List<Placed> found = new ArrayList<>();
			for (Plan plan : candidates) {
				for (Measure measure : measuresOf(plan)) {
					if (id != null ? id.equals(measure.id()) : title.equals(normalized(measure.title()))) {
						found.add(new Placed(plan, measure, measure));
					}
					measure.items()
						.filter(i -> id != null ? id.equals(i.id()) : title.equals(normalized(i.title())))
						.forEach(i -> found.add(new Placed(plan, measure, i)));
				}
			}
			String field = id != null ? "measureId" : "measureTitle";
			String given = id != null ? id : title;
			if (found.isEmpty()) {
				problem(field, (id != null ? "施策ID" : "施策名") + "「" + given + "」は"
						+ candidates.getFirst().municipality() + "の"
						+ (candidates.size() == 1 ? candidates.getFirst().title() : "計画") + "にありません"
						+ (id != null ? "" : "（名前は一字一句同じに書いてください）"));
				return null;
			}
			if (found.size() > 1) {
				boolean samePlan = found.stream().map(p -> p.plan().id()).distinct().count() == 1;
				problem(field, samePlan
						? "「" + given + "」という施策・細目が複数あります（"
								+ found.stream().map(p -> p.rated().id()).collect(Collectors.joining("、"))
								+ "）。measureId で指定してください"
						: "「" + given + "」は複数の計画にあります（"
								+ found.stream().map(p -> p.plan().id()).distinct().collect(Collectors.joining("、"))
								+ "）。plan を指定してください");
				return null;
			}
			Placed unit = found.getFirst();
			if (unit.rated() instanceof Measure measure && !measure.projects().isEmpty()) {
				problem(field, "「" + measure.title() + "」は細目ごとに評価される施策です。細目のID（例: "
						+ measure.items().findFirst().map(Item::id).orElse("") + "）か細目名を指定してください");
				return null;
			}
			if (id != null && title != null && !title.equals(normalized(unit.rated().title()))) {
				problem("measureTitle", "施策名「" + title + "」が施策ID " + id + " の名前「" + unit.rated().title()
						+ "」と違います");
				return null;
			}
			return unit;
		}

		private String rating(Plan plan) {
			String rating = normalized(row.rating());
			if (plan.ratingScheme().isEmpty()) {
				problem("rating", plan.title() + "には評価の凡例がないため、評価を登録できません");
				return null;
			}
			if (rating == null) {
				problem("rating", "評価がありません");
				return null;
			}
			return plan.ratingScheme().symbols().stream()
				.map(RatingSymbol::symbol)
				.filter(symbol -> Objects.equals(normalized(symbol), rating))
				.findFirst()
				.orElseGet(() -> {
					problem("rating", "評価「" + rating + "」は" + plan.title() + "の凡例にありません（使える記号: "
							+ plan.ratingScheme().symbols().stream().map(RatingSymbol::symbol)
								.collect(Collectors.joining(", "))
							+ "）");
					return null;
				});
		}

		private String department(Placed unit) {
			String department = normalized(row.department());
			boolean perDepartment = ratesPerDepartment(unit.plan());
			if (!perDepartment) {
				if (department != null) {
					problem("department", unit.plan().title() + "は担当課ごとに評価しない計画です。担当課は空にしてください");
				}
				return null;
			}
			List<String> known = unit.measure().departmentNames().toList();
			if (department == null) {
				problem("department", unit.plan().title() + "は担当課ごとに評価します。担当課を書いてください（"
						+ String.join("、", known) + "）");
				return null;
			}
			return known.stream().filter(name -> Objects.equals(normalized(name), department)).findFirst()
				.orElseGet(() -> {
					problem("department", "担当課「" + department + "」はこの施策の担当課ではありません（"
							+ String.join("、", known) + "）");
					return null;
				});
		}

		private void checkPeriod(Plan plan, int fiscalYear) {
			Plan.Period period = plan.period();
			if (fiscalYear < period.from() || fiscalYear > period.to()) {
				problem("fiscalYear", FiscalYear.format(fiscalYear) + "は計画期間（" + FiscalYear.format(period.from())
						+ "〜" + FiscalYear.format(period.to()) + "）の外です");
			}
		}

		private void problem(String field, String reason) {
			problems.add(new InvalidEvaluations.Problem(row.row(), field, reason));
		}
	}

	private record Placed(Plan plan, Measure measure, Rated rated) {
	}
}
