package jp.shisakunavi.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook, each cell as Excel shows it (a year typed as 2022 reads "2022"; a formula
 * by the result Excel saved with it, so no formula is ever evaluated here). The sheet is streamed (SAX), never
 * held as a workbook, and read within limits that a zip bomb meets long before it costs memory or time: no part
 * of the file may expand beyond {@link #MAX_PART_SIZE} or more than 100-fold, and reading stops at the first row
 * past the most a request may hold.
 */
final class XlsxReading {

	/** Generous for evaluations: 5,000 rows of eight columns take about 2 MB of sheet XML. */
	static final long MAX_PART_SIZE = 32L * 1024 * 1024;
	private static final int MAX_COLUMNS = 50;

	static {
		ZipSecureFile.setMaxEntrySize(MAX_PART_SIZE);
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxFileCount(1000);
	}

	private XlsxReading() {
	}

	/** @param file the uploaded file (opened in place, so parts are inflated one at a time as they are read) */
	static Table read(Path file, int maxRows) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableFile("Excel ファイルにシートがありません");
			}
			Rows rows = new Rows(maxRows);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
						new ReadOnlySharedStringsTable(pkg), rows, new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
			List<Table.Line> filled = rows.lines.stream().dropWhile(Table.Line::blank).toList();
			if (filled.isEmpty()) {
				throw new UnreadableFile("Excel ファイルの最初のシートに何も書かれていません");
			}
			return new Table(filled.getFirst().cells(), filled.subList(1, filled.size()));
		}
		catch (UnreadableFile e) {
			throw e;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
			if (bomb(e)) {
				throw new UnreadableFile("Excel ファイルの中身が大きすぎます（展開すると " + MAX_PART_SIZE / 1024 / 1024
						+ " MB を超えるか、圧縮率が異常です）。必要な行だけを残したファイルを送ってください", e);
			}
			// POI reports a damaged or foreign file with many exception types; all mean the same to the user.
			throw new UnreadableFile("Excel (.xlsx) ファイルとして読めません（壊れているか、別の形式のファイルです）", e);
		}
	}

	private static boolean bomb(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
				return true;
			}
		}
		return false;
	}

	/** Collects the rows as the sheet streams by, and stops it at the first one too many. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<Table.Line> lines = new ArrayList<>();
		private final int maxRows;
		private List<String> cells;
		private int filled;

		Rows(int maxRows) {
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			Table.Line line = new Table.Line(rowNum + 1, cells);
			if (!line.blank() && ++filled > maxRows + 1) {
				throw new UnreadableFile("一度に登録できるのは" + maxRows + "行までです（"
						+ (rowNum + 1) + "行目を超えて続いています）");
			}
			lines.add(line);
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			if (column >= MAX_COLUMNS) {
				throw new UnreadableFile("列が多すぎます（" + MAX_COLUMNS + "列まで）");
			}
			while (cells.size() < column) {
				cells.add(null);
			}
			cells.add(formattedValue);
		}
	}
}
