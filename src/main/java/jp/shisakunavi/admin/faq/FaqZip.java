package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.faq.FaqFiles;
import jp.shisakunavi.faq.FaqImportRow;
import jp.shisakunavi.faq.FaqImports;
import jp.shisakunavi.faq.FaqRecord;

/**
 * The {@code faq/} folder as a zip: one YAML file per entry, as the seed folder keeps them, so that an export can
 * be unpacked into {@code FAQ_DIR} or imported again. Reading is bounded before any file is held: so many files,
 * so many bytes per file once inflated (a FAQ file is a few KB) and in all, so that a zip bomb is refused after
 * reading no more than the limit.
 */
final class FaqZip {

	static final int MAX_FILES = FaqImports.MAX_ROWS;
	static final int MAX_FILE_SIZE = 256 * 1024;
	static final long MAX_TOTAL_SIZE = 32L * 1024 * 1024;

	private FaqZip() {
	}

	static void write(List<FaqRecord> records, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out);
		for (FaqRecord record : records) {
			zip.putNextEntry(new ZipEntry(FaqFiles.path(record.id())));
			zip.write(FaqFiles.write(record.id(), record.content()));
			zip.closeEntry();
		}
		zip.finish();
	}

	static List<FaqImportRow> read(InputStream upload) throws IOException {
		List<FaqImportRow> rows = new ArrayList<>();
		long total = 0;
		int files = 0;
		try (ZipInputStream zip = new ZipInputStream(upload)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++files > MAX_FILES + 100) {
					throw new UnreadableFile("zip の中のファイルが多すぎます（" + MAX_FILES + "件まで）");
				}
				if (entry.isDirectory() || !FaqFiles.isEntry(entry.getName())) {
					continue;
				}
				byte[] content = zip.readNBytes(MAX_FILE_SIZE + 1);
				if (content.length > MAX_FILE_SIZE) {
					throw new UnreadableFile("zip の中の " + entry.getName() + " が大きすぎます（展開すると " + MAX_FILE_SIZE / 1024
							+ " KB を超えます）。FAQ のファイルだけを zip にしてください");
				}
				total += content.length;
				if (total > MAX_TOTAL_SIZE) {
					throw new UnreadableFile("zip の中身が大きすぎます（展開すると " + MAX_TOTAL_SIZE / 1024 / 1024 + " MB を超えます）");
				}
				if (rows.size() >= MAX_FILES) {
					throw new UnreadableFile("一度に取り込めるのは " + MAX_FILES + " 件までです");
				}
				rows.add(FaqFiles.read(rows.size() + 1, entry.getName(), content));
			}
		}
		catch (ZipException e) {
			throw new UnreadableFile("zip ファイルとして読めません（壊れているか、別の形式のファイルです）", e);
		}
		if (rows.isEmpty()) {
			throw new UnreadableFile("zip の中に FAQ のファイル（.yaml）がありません");
		}
		return rows;
	}
}
