package jp.shisakunavi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The CSV export opens in Excel as text: formulas in any field are neutralised, times are Tokyo's. */
class AuditCsvTest {

	@Test
	void cellsThatASpreadsheetWouldRunAreWrittenWithAnApostrophe() throws Exception {
		AuditEntry entry = new AuditEntry("1", Instant.parse("2026-12-01T15:30:00Z"), "=cmd|' /C calc'!A0", "console",
				"+127.0.0.1", "faq.update", "-2+3", "@SUM(A1)", List.of("多治見市"), "\tbefore", "{\"comment\": \"=1+1\"}");
		StringWriter out = new StringWriter();

		AuditCsv.write(Stream.of(entry), out);

		String[] lines = out.toString().split("\r\n");
		assertThat(lines[0]).startsWith("\uFEFF日時,操作者,経路,接続元,操作,内容,対象,自治体,変更前,変更後");
		assertThat(lines[1]).startsWith("2026-12-02 00:30:00,'=cmd|' /C calc'!A0,console,'+127.0.0.1,faq.update,'-2+3,'@SUM(A1),多治見市,'\tbefore,");
		assertThat(lines[1]).endsWith("\"{\"\"comment\"\": \"\"=1+1\"\"}\"");
	}
}
