package jp.shisakunavi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.shisakunavi.system.SpreadsheetText;

/**
 * The audit log as CSV that Excel opens as it is: UTF-8 with a BOM, Japanese headers, times in Asia/Tokyo. Every
 * cell that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is
 * written with a leading apostrophe, so that a crafted FAQ text or comment cannot run when the file is opened.
 */
final class AuditCsv {

	static final String[] HEADER = { "日時", "操作者", "経路", "接続元", "操作", "内容", "対象", "自治体", "変更前", "変更後" };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

	private AuditCsv() {
	}

	static void write(Stream<AuditEntry> entries, Writer out) throws IOException {
		out.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL);
		csv.printRecord((Object[]) HEADER);
		try {
			entries.forEach(e -> {
				try {
					csv.printRecord(TIME.format(e.at()), cell(e.actor()), cell(e.via()), cell(e.address()), cell(e.action()),
							cell(e.summary()), cell(e.target()), cell(String.join(" ", e.municipalities())), cell(e.before()),
							cell(e.after()));
				}
				catch (IOException io) {
					throw new UncheckedIOException(io);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		csv.flush();
	}

	static String cell(String value) {
		return SpreadsheetText.neutralised(value);
	}
}
