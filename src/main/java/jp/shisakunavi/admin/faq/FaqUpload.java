package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jp.shisakunavi.admin.SpreadsheetUpload;
import jp.shisakunavi.faq.FaqImportRow;
import jp.shisakunavi.faq.FaqImports;

/** An uploaded file of FAQ entries: a zipped {@code faq/} folder (.zip), or a CSV or Excel sheet ({@link FaqSheet}). */
final class FaqUpload {

	private FaqUpload() {
	}

	static List<FaqImportRow> read(String filename, InputStream content) throws IOException {
		if (SpreadsheetUpload.extension(filename).equals("zip")) {
			return FaqZip.read(content);
		}
		return FaqSheet.rows(SpreadsheetUpload.read(filename, content, FaqImports.MAX_ROWS));
	}
}
