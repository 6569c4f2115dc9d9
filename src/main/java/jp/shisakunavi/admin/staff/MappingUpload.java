package jp.shisakunavi.admin.staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.shisakunavi.admin.SpreadsheetUpload;
import jp.shisakunavi.admin.Table;
import jp.shisakunavi.staff.InvalidRows;
import jp.shisakunavi.staff.MappingRow;
import jp.shisakunavi.staff.StaffDepartments;

/**
 * An uploaded mapping of units to departments, CSV (UTF-8 or CP932) or Excel, read with the shared readers and
 * their limits. Columns by header: 施策ID (or unitId), 施策名 (or unitTitle), 担当課 (or department), 関係課 (or
 * related); any order, other columns ignored.
 */
final class MappingUpload {

	private static final Map<String, String> COLUMNS = Map.of("施策ID", "unitId", "unitId", "unitId", "施策名", "unitTitle",
			"unitTitle", "unitTitle", "担当課", "department", "department", "department", "関係課", "related", "related",
			"related");

	private MappingUpload() {
	}

	static List<MappingRow> read(String filename, InputStream content) throws IOException {
		Table table = SpreadsheetUpload.read(filename, content, StaffDepartments.MAX_MAPPING_ROWS);
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < table.header().size(); i++) {
			String name = COLUMNS.get(table.header().get(i) == null ? "" : table.header().get(i).strip());
			if (name != null) {
				positions.putIfAbsent(name, i);
			}
		}
		if (!positions.containsKey("department") || !(positions.containsKey("unitId") || positions.containsKey("unitTitle"))) {
			throw new InvalidRows(List.of(new InvalidRows.Problem(1, "header",
					"見出しの行に「施策ID」（または「施策名」）と「担当課」の列が必要です（今の見出し: "
							+ String.join("、", table.header()) + "）")));
		}
		List<MappingRow> rows = new ArrayList<>();
		for (Table.Line line : table.lines()) {
			if (line.blank()) {
				continue;
			}
			rows.add(new MappingRow(line.number(), cell(line, positions, "unitId"), cell(line, positions, "unitTitle"),
					cell(line, positions, "department"), cell(line, positions, "related")));
		}
		return rows;
	}

	private static String cell(Table.Line line, Map<String, Integer> positions, String column) {
		Integer position = positions.get(column);
		return position == null || position >= line.cells().size() ? null : line.cells().get(position);
	}
}
