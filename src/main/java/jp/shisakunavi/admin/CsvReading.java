package jp.shisakunavi.admin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as the cities save it: UTF-8 with or without a BOM, or Shift_JIS (Excel's "CSV" on Japanese Windows, which
 * is really CP932). Text that decodes as strict UTF-8 is UTF-8; Shift_JIS text almost never does.
 */
final class CsvReading {

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvReading() {
	}

	/** Reading stops at the first row past {@code maxRows} below the header (a blank line counts as none). */
	static Table read(byte[] content, int maxRows) {
		String text = decode(content);
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
			throw new UnreadableFile("CSV ファイルではありません（文字でないデータが含まれています）");
		}
		// Blank lines are kept as records so that record numbers stay the row numbers staff see.
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
		List<Table.Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			int filled = 0;
			for (CSVRecord record : parser) {
				Table.Line line = new Table.Line((int) record.getRecordNumber(), record.toList());
				if (!line.blank() && ++filled > maxRows + 1) {
					throw new UnreadableFile("一度に登録できるのは" + maxRows + "行までです（" + line.number() + "行目を超えて続いています）");
				}
				lines.add(line);
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			throw new UnreadableFile("CSV として読めません: " + e.getMessage(), e);
		}
		int header = 0;
		while (header < lines.size() && lines.get(header).blank()) {
			header++;
		}
		if (header == lines.size()) {
			throw new UnreadableFile("ファイルに何も書かれていません");
		}
		return new Table(lines.get(header).cells(), lines.subList(header + 1, lines.size()));
	}

	private static String decode(byte[] content) {
		if (startsWith(content, UTF8_BOM)) {
			return strict(StandardCharsets.UTF_8, content, UTF8_BOM.length);
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xFE })
				|| startsWith(content, new byte[] { (byte) 0xFE, (byte) 0xFF })) {
			throw new UnreadableFile("UTF-16 のテキストは読めません。Excel では「CSV UTF-8（コンマ区切り）」で保存してください");
		}
		String utf8 = strict(StandardCharsets.UTF_8, content, 0);
		if (utf8 != null) {
			return utf8;
		}
		String cp932 = strict(WINDOWS_31J, content, 0);
		if (cp932 != null) {
			return cp932;
		}
		throw new UnreadableFile("文字コードが分かりません。UTF-8 か Shift_JIS の CSV で保存してください");
	}

	private static String strict(Charset charset, byte[] content, int offset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
		}
		catch (CharacterCodingException e) {
			if (offset > 0) {
				throw new UnreadableFile("UTF-8 の印（BOM）があるのに UTF-8 として読めない文字があります", e);
			}
			return null;
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
