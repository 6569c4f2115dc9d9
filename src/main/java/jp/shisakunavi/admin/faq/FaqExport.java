package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.shisakunavi.faq.FaqRecord;
import jp.shisakunavi.plan.MunicipalityCode;
import jp.shisakunavi.system.SpreadsheetText;

/**
 * The FAQ written out, in each format an import reads back: the zipped {@code faq/} folder, CSV in UTF-8 (with the
 * BOM Excel needs) or in Shift_JIS (CP932, for older Excel; a character it lacks becomes ?), Excel, and the
 * open-data CSV. Every text cell is neutralised against formulas; in Excel every cell is text, never a formula.
 */
enum FaqExport {

	ZIP("zip", "application/zip"),
	CSV("csv", "text/csv; charset=UTF-8"),
	CSV_SJIS("csv", "text/csv; charset=Shift_JIS"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	OPEN_DATA("csv", "text/csv; charset=UTF-8");

	/** The open-data FAQ's columns (the 推奨データセット convention: code, ID, name first). */
	static final List<String> OPEN_DATA_HEADERS = List.of(FaqSheet.CODE, "ID", "地方公共団体名", "質問", "回答", "所管部署", "分類", "URL");

	private static final Charset CP932 = Charset.forName("windows-31j");

	private final String extension;
	private final String contentType;

	FaqExport(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	static FaqExport named(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new IllegalArgumentException("書き出しの形式は zip・csv・csv-sjis・xlsx・open-data のどれかにしてください");
		}
	}

	String contentType() {
		return contentType;
	}

	String filename(String date) {
		return (this == OPEN_DATA ? "faq-opendata-" : "faq-") + date + "." + extension;
	}

	void write(List<FaqRecord> records, OutputStream out) throws IOException {
		switch (this) {
			case ZIP -> FaqZip.write(records, out);
			case CSV -> csv(records, utf8WithBom(out), false);
			case CSV_SJIS -> csv(records, new OutputStreamWriter(out, CP932.newEncoder()
				.onUnmappableCharacter(CodingErrorAction.REPLACE).onMalformedInput(CodingErrorAction.REPLACE)), false);
			case XLSX -> xlsx(records, out);
			case OPEN_DATA -> csv(records, utf8WithBom(out), true);
		}
	}

	private static Writer utf8WithBom(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		return writer;
	}

	private static void csv(List<FaqRecord> records, Writer writer, boolean openData) throws IOException {
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
		csv.printRecord(openData ? OPEN_DATA_HEADERS : FaqSheet.headers());
		for (FaqRecord record : records) {
			csv.printRecord(openData ? openData(record) : FaqSheet.cells(record));
		}
		csv.flush();
	}

	/** An entry as open data: the municipality's code and name (empty for entries common to every city). */
	private static List<String> openData(FaqRecord record) {
		var content = record.content();
		return List.of(MunicipalityCode.of(content.municipality()).map(MunicipalityCode::value).orElse(""), record.id(),
				orEmpty(content.municipality()), orEmpty(content.question()), orEmpty(content.answer()),
				orEmpty(content.department()), orEmpty(content.category()), orEmpty(content.url()))
			.stream()
			.map(SpreadsheetText::neutralised)
			.toList();
	}

	private static void xlsx(List<FaqRecord> records, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("FAQ");
			fill(sheet.createRow(0), FaqSheet.headers());
			for (int i = 0; i < records.size(); i++) {
				fill(sheet.createRow(i + 1), FaqSheet.cells(records.get(i)));
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
