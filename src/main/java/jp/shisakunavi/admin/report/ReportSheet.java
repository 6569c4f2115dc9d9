package jp.shisakunavi.admin.report;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shisakunavi.admin.Table;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingSymbol;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.Reports;

/**
 * A department's reports as a sheet, one row per unit: 施策ID (or 施策, the exact title), 評価, 実績, 課題, 添付.
 * Every row is checked before anything is saved, as the evaluation intake checks its rows: the unit is one this
 * page's departments owe, the rating is in its plan's legend, the texts are within their limits.
 */
final class ReportSheet {

	static final int MAX_ROWS = 500;
	private static final List<String> ID = List.of("施策ID", "ID", "id");
	private static final List<String> TITLE = List.of("施策", "施策名", "取組");
	private static final List<String> RATING = List.of("評価");
	private static final List<String> PROGRESS = List.of("実績");
	private static final List<String> ISSUES = List.of("課題");
	private static final List<String> ATTACHMENT = List.of("添付", "添付リンク");

	private ReportSheet() {
	}

	/** One checked row: the obligation it reports and what it says. */
	record Row(int line, Obligation obligation, ReportDraft report) {
	}

	/** All rows checked; {@code problems} says what is wrong, one line per row at fault (empty: all fine). */
	record Checked(List<Row> rows, List<String> problems) {
	}

	static Checked check(Table table, List<Obligation> owed, Function<Obligation, RatingScheme> legends) {
		List<String> header = table.header().stream().map(ReportSheet::clean).toList();
		int id = column(header, ID);
		int title = column(header, TITLE);
		int rating = column(header, RATING);
		int progress = column(header, PROGRESS);
		int issues = column(header, ISSUES);
		int attachment = column(header, ATTACHMENT);
		List<String> problems = new ArrayList<>();
		if (id < 0 && title < 0 || rating < 0 || progress < 0) {
			problems.add("1行目（見出し）に「施策ID」または「施策」、「評価」、「実績」の列が必要です（あれば「課題」「添付」も読みます）。");
			return new Checked(List.of(), problems);
		}
		Map<String, Obligation> byId = owed.stream().collect(Collectors.toMap(Obligation::unitId, o -> o, (a, b) -> a));
		Map<String, Obligation> byTitle = owed.stream().collect(Collectors.toMap(o -> clean(o.unitTitle()), o -> o, (a, b) -> a));
		List<Row> rows = new ArrayList<>();
		for (Table.Line line : table.lines()) {
			if (line.blank()) {
				continue;
			}
			String where = line.number() + "行目：";
			Optional<Obligation> obligation = Optional.ofNullable(byId.get(cell(line, id)))
				.or(() -> Optional.ofNullable(byTitle.get(clean(cell(line, title)))));
			if (obligation.isEmpty()) {
				String named = cell(line, id).isEmpty() ? cell(line, title) : cell(line, id);
				problems.add(where + "施策「" + named + "」は、この部署が報告する施策にありません。");
				continue;
			}
			ReportDraft report = new ReportDraft(blankToNull(cell(line, rating)), blankToNull(cell(line, progress)),
					blankToNull(cell(line, issues)), blankToNull(cell(line, attachment)));
			Optional<String> problem = problem(report, legends.apply(obligation.get()));
			if (problem.isPresent()) {
				problems.add(where + problem.get());
			}
			else if (rows.stream().anyMatch(r -> r.obligation().id().equals(obligation.get().id()))) {
				problems.add(where + "「" + obligation.get().unitTitle() + "」が2回あります。1施策1行にしてください。");
			}
			else {
				rows.add(new Row(line.number(), obligation.get(), report));
			}
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add("報告の行がありません。");
		}
		return new Checked(rows, problems);
	}

	private static Optional<String> problem(ReportDraft report, RatingScheme legend) {
		if (report.rating() == null) {
			return Optional.of("評価がありません。");
		}
		String rating = clean(report.rating());
		if (legend.symbols().stream().map(RatingSymbol::symbol).noneMatch(s -> clean(s).equalsIgnoreCase(rating))) {
			return Optional.of("評価「" + report.rating() + "」はこの計画の凡例にありません（使える評価: "
					+ legend.symbols().stream().map(RatingSymbol::symbol).collect(Collectors.joining("・")) + "）。");
		}
		if (report.progress() == null) {
			return Optional.of("実績がありません。");
		}
		for (String[] text : new String[][] { { "実績", report.progress() }, { "課題", report.issues() } }) {
			if (text[1] != null && text[1].length() > Reports.MAX_TEXT_LENGTH) {
				return Optional.of(text[0] + "は" + String.format("%,d", Reports.MAX_TEXT_LENGTH) + "文字までです（"
						+ String.format("%,d", text[1].length()) + "文字あります）。");
			}
		}
		if (report.attachmentUrl() != null && report.attachmentUrl().length() > Reports.MAX_URL_LENGTH) {
			return Optional.of("添付のリンクは" + Reports.MAX_URL_LENGTH + "文字までです。");
		}
		return Optional.empty();
	}

	private static int column(List<String> header, List<String> names) {
		for (String name : names) {
			int index = header.indexOf(name);
			if (index >= 0) {
				return index;
			}
		}
		return -1;
	}

	private static String cell(Table.Line line, int column) {
		return column < 0 || column >= line.cells().size() || line.cells().get(column) == null ? ""
				: line.cells().get(column).strip();
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private static String clean(String value) {
		return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}
}
