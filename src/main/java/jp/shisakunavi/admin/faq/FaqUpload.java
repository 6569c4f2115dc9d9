package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jp.shisakunavi.admin.SpreadsheetUpload;
import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.faq.FaqImportRow;
import jp.shisakunavi.faq.FaqImports;

/** An uploaded file of FAQ entries: a zipped {@code faq/} folder (.zip), or a CSV or Excel sheet ({@link FaqSheet}). */
final class FaqUpload {

	private FaqUpload() {
	}

	static List<FaqImportRow> read(String filename, InputStream content) throws IOException {
		return switch (SpreadsheetUpload.extension(filename)) {
			case "zip" -> FaqZip.read(content);
			case "csv", "xlsx", "xls", "" -> FaqSheet.rows(SpreadsheetUpload.read(filename, content, FaqImports.MAX_ROWS));
			default -> throw new UnreadableFile("CSV (.csv)・Excel (.xlsx)・zip (.zip) のどれかを選んでください（選ばれたファイル: "
					+ filename + "）");
		};
	}
}
