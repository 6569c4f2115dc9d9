package jp.shisakunavi.admin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * An uploaded spreadsheet: CSV or Excel (.xlsx), read as a {@link Table} of at most {@code maxRows} rows below its
 * header. The content decides how it is read, and a file whose name says otherwise (an Excel file renamed .csv)
 * is refused with what to do, rather than guessed at. The upload itself is bounded before it gets here
 * ({@code spring.servlet.multipart.max-file-size}); an Excel file is streamed from a temporary copy, never
 * inflated whole.
 */
public final class SpreadsheetUpload {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private SpreadsheetUpload() {
	}

	public static Table read(String filename, InputStream upload, int maxRows) throws IOException {
		BufferedInputStream in = new BufferedInputStream(upload);
		in.mark(ZIP.length);
		byte[] start = in.readNBytes(ZIP.length);
		in.reset();
		if (start.length == 0) {
			throw new UnreadableFile("ファイルが空です");
		}
		String extension = extension(filename);
		boolean zip = Arrays.equals(start, ZIP);
		boolean legacyExcel = Arrays.equals(start, OLE2);
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
				yield CsvReading.read(in.readAllBytes(), maxRows);
			}
			case "xlsx" -> {
				if (!zip) {
					throw new UnreadableFile("ファイル名は .xlsx ですが、Excel (.xlsx) ファイルではありません");
				}
				yield xlsx(in, maxRows);
			}
			case "" -> zip ? xlsx(in, maxRows) : CsvReading.read(in.readAllBytes(), maxRows);
			default -> throw new UnreadableFile("CSV (.csv) か Excel (.xlsx) のファイルを送ってください（受け取ったファイル: "
					+ filename + "）");
		};
	}

	private static Table xlsx(InputStream in, int maxRows) throws IOException {
		Path copy = Files.createTempFile("upload-", ".xlsx");
		try {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			return XlsxReading.read(copy, maxRows);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	/** The file name's extension in lower case, {@code ""} without one. */
	public static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
	}
}
