package jp.shisakunavi.admin.faq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jp.shisakunavi.faq.FaqFilter;
import jp.shisakunavi.faq.FaqRecord;

/**
 * An export as a download, for the console and the admin API alike: the live entries the account may read, of one
 * municipality or all; the open-data file of a municipality holds its entries and those common to every city.
 */
@Component
class FaqDownloads {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final FaqVisibility visibility;
	private final Clock clock;

	FaqDownloads(FaqVisibility visibility, Clock clock) {
		this.visibility = visibility;
		this.clock = clock;
	}

	/** Written whole before the answer begins, so that a failure is an error page rather than half a file. */
	void send(FaqExport format, String municipality, HttpServletResponse response) throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		format.write(records(format, municipality), file);
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(format.filename(LocalDate.now(clock.withZone(TOKYO)).toString()))
			.build()
			.toString());
		response.setContentLength(file.size());
		file.writeTo(response.getOutputStream());
	}

	private List<FaqRecord> records(FaqExport format, String municipality) {
		if (municipality == null || municipality.isBlank()) {
			return visibility.find(FaqFilter.ALL);
		}
		List<FaqRecord> own = visibility.find(new FaqFilter(municipality, null, null, null, FaqFilter.State.LIVE));
		if (format != FaqExport.OPEN_DATA) {
			return own;
		}
		return Stream.concat(own.stream(),
				visibility.find(new FaqFilter(FaqFilter.COMMON, null, null, null, FaqFilter.State.LIVE)).stream()).toList();
	}
}
