package jp.shisakunavi.admin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shisakunavi.plan.EvaluationRow;

/** Reads the rows of a table by the names in its header row. */
final class EvaluationTable {

	private EvaluationTable() {
	}

	static List<EvaluationRow> rows(Table table) {
		Map<Column, Integer> positions = positions(table.header());
		List<EvaluationRow> rows = new ArrayList<>();
		for (Table.Line line : table.lines()) {
			if (line.blank()) {
				continue;
			}
			rows.add(new EvaluationRow(line.number(), cell(line, positions, Column.MUNICIPALITY),
					cell(line, positions, Column.PLAN), cell(line, positions, Column.MEASURE_ID),
					cell(line, positions, Column.MEASURE_TITLE), cell(line, positions, Column.FISCAL_YEAR),
					cell(line, positions, Column.RATING), cell(line, positions, Column.DEPARTMENT),
					cell(line, positions, Column.COMMENT)));
		}
		if (rows.isEmpty()) {
			throw new UnreadableFile("見出し行の下に評価の行がありません");
		}
		return rows;
	}

	private static Map<Column, Integer> positions(List<String> header) {
		Map<Column, Integer> positions = new EnumMap<>(Column.class);
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? "" : header.get(i).strip();
			if (name.isEmpty()) {
				continue;
			}
			Optional<Column> column = Column.named(name);
			if (column.isEmpty()) {
				unknown.add(name);
			}
			else if (positions.putIfAbsent(column.get(), i) != null) {
				throw new UnreadableFile("見出し「" + name + "」の列が二つあります（" + column.get().field() + "）");
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnreadableFile("1行目の見出し「" + String.join("」「", unknown) + "」が分かりません。使える見出し: "
					+ "自治体, 計画, 施策ID, 施策名, 年度, 評価, 担当課, コメント（英語名 municipality, plan, measureId, "
					+ "measureTitle, fiscalYear, rating, department, comment も可）");
		}
		List<String> missing = new ArrayList<>();
		for (Column required : List.of(Column.MUNICIPALITY, Column.FISCAL_YEAR, Column.RATING)) {
			if (!positions.containsKey(required)) {
				missing.add(required.field());
			}
		}
		if (!positions.containsKey(Column.MEASURE_ID) && !positions.containsKey(Column.MEASURE_TITLE)) {
			missing.add("measureId または measureTitle");
		}
		if (!missing.isEmpty()) {
			throw new UnreadableFile("1行目の見出しに必要な列がありません: " + String.join(", ", missing)
					+ "（見出しは 自治体, 施策ID または 施策名, 年度, 評価 など）");
		}
		return positions;
	}

	private static String cell(Table.Line line, Map<Column, Integer> positions, Column column) {
		Integer position = positions.get(column);
		if (position == null || position >= line.cells().size()) {
			return null;
		}
		String value = line.cells().get(position);
		return value == null || value.isBlank() ? null : value.strip();
	}
}
