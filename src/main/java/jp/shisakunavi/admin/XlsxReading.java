package jp.shisakunavi.admin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an Excel workbook, each cell as Excel shows it (a year typed as 2022 reads "2022"). */
final class XlsxReading {

	private XlsxReading() {
	}

	static Table read(byte[] content) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new UnreadableFile("Excel ファイルにシートがありません");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			List<Table.Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? null : formatter.formatCellValue(cell, evaluator));
				}
				lines.add(new Table.Line(row.getRowNum() + 1, cells));
			}
			List<Table.Line> filled = lines.stream().dropWhile(Table.Line::blank).toList();
			if (filled.isEmpty()) {
				throw new UnreadableFile("Excel ファイルの最初のシートに何も書かれていません");
			}
			return new Table(filled.getFirst().cells(), filled.subList(1, filled.size()));
		}
		catch (UnreadableFile e) {
			throw e;
		}
		catch (Exception | LinkageError e) {
			// POI reports a damaged or foreign file with many exception types; all mean the same to the user.
			throw new UnreadableFile("Excel (.xlsx) ファイルとして読めません（壊れているか、別の形式のファイルです）", e);
		}
	}
}
