package jp.shisakunavi.admin.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.system.SpreadsheetText;

/**
 * A round as offices keep it: one row per unit and department — 施策, 担当課, 評価, 実績, 課題, 状況 — as CSV (UTF-8 with
 * the BOM Excel needs) or Excel. Cells that a spreadsheet would run as a formula are neutralised.
 */
enum RoundExport {

	CSV("csv", "text/csv; charset=UTF-8"), XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final List<String> HEADERS = List.of("施策", "担当課", "評価", "実績", "課題", "状況");

	private final String extension;
	private final String contentType;

	RoundExport(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	static RoundExport named(String format) {
		return switch (format == null ? "" : format) {
			case "csv" -> CSV;
			case "xlsx" -> XLSX;
			default -> throw new IllegalArgumentException("形式は csv か xlsx にしてください（" + format + "）");
		};
	}

	static List<String> cells(Obligation obligation) {
		String status = obligation.status().label() + (obligation.late() ? "（締切後）" : "");
		return List.of(obligation.unitTitle(), obligation.department(), orEmpty(obligation.report().rating()),
				orEmpty(obligation.report().progress()), orEmpty(obligation.report().issues()), status)
			.stream()
			.map(SpreadsheetText::neutralised)
			.toList();
	}

	/** Written whole before the answer begins, so that a failure is an error page rather than half a file. */
	void send(Round round, List<Obligation> obligations, HttpServletResponse response) throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		write(obligations, file);
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(round.municipality() + "_" + FiscalYear.format(round.fiscalYear()) + "_報告." + extension,
					StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setContentLength(file.size());
		file.writeTo(response.getOutputStream());
	}

	void write(List<Obligation> obligations, OutputStream out) throws IOException {
		if (this == CSV) {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
			csv.printRecord(HEADERS);
			for (Obligation obligation : obligations) {
				csv.printRecord(cells(obligation));
			}
			csv.flush();
			return;
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("報告");
			fill(sheet.createRow(0), HEADERS);
			for (int i = 0; i < obligations.size(); i++) {
				fill(sheet.createRow(i + 1), cells(obligations.get(i)));
			}
			workbook.write(out);
		}
	}

	private static void fill(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			row.createCell(i).setCellValue(cells.get(i));
		}
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
