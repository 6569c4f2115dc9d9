package jp.shisakunavi.admin;

import java.util.List;
import java.util.Locale;

import jp.shisakunavi.plan.EvaluationRow;

/**
 * An uploaded file of evaluations: CSV or Excel (.xlsx). The content decides how it is read, and a file whose
 * name says otherwise (an Excel file renamed .csv) is refused with what to do, rather than guessed at.
 */
final class EvaluationFile {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private EvaluationFile() {
	}

	static List<EvaluationRow> read(String filename, byte[] content) {
		if (content.length == 0) {
			throw new UnreadableFile("ファイルが空です");
		}
		String extension = extension(filename);
		boolean zip = CsvReading.startsWith(content, ZIP);
		boolean legacyExcel = CsvReading.startsWith(content, OLE2);
		if (legacyExcel || extension.equals("xls")) {
			throw new UnreadableFile("古い形式の Excel (.xls) かパスワード付きのファイルは読めません。"
					+ "Excel で .xlsx か CSV として保存し直してください");
		}
		return switch (extension) {
			case "csv" -> {
				if (zip) {
					throw new UnreadableFile("ファイル名は .csv ですが、中身は Excel (.xlsx) ファイルです。"
							+ "拡張子を .xlsx に直すか、Excel で「CSV UTF-8（コンマ区切り）」として保存してください");
				}
				yield EvaluationTable.rows(CsvReading.read(content));
			}
			case "xlsx" -> {
				if (!zip) {
					throw new UnreadableFile("ファイル名は .xlsx ですが、Excel (.xlsx) ファイルではありません");
				}
				yield EvaluationTable.rows(XlsxReading.read(content));
			}
			case "" -> EvaluationTable.rows(zip ? XlsxReading.read(content) : CsvReading.read(content));
			default -> throw new UnreadableFile("CSV (.csv) か Excel (.xlsx) のファイルを送ってください（受け取ったファイル: "
					+ filename + "）");
		};
	}

	private static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
	}
}
