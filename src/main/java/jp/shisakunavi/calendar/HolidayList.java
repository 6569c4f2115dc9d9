package jp.shisakunavi.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The shipped list of public holidays, {@code calendar/holidays.csv}: the data of the npm package
 * {@code @holiday-jp/holiday_jp} (maintained, following the Cabinet Office's list; NOTICE), converted unchanged.
 * The years it covers are the years from its first to its last holiday, whole.
 */
final class HolidayList {

	static final String RESOURCE = "calendar/holidays.csv";

	private final Map<LocalDate, Holiday> holidays;
	private final int firstYear;
	private final int lastYear;

	private HolidayList(Map<LocalDate, Holiday> holidays) {
		if (holidays.isEmpty()) {
			throw new IllegalStateException(RESOURCE + " lists no holidays");
		}
		this.holidays = Map.copyOf(holidays);
		this.firstYear = holidays.keySet().stream().mapToInt(LocalDate::getYear).min().orElseThrow();
		this.lastYear = holidays.keySet().stream().mapToInt(LocalDate::getYear).max().orElseThrow();
	}

	static HolidayList shipped() {
		try (InputStream in = HolidayList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + RESOURCE, e);
		}
	}

	/** Lines {@code date,name}; lines starting with # and the header line {@code date,name} are skipped. */
	static HolidayList read(BufferedReader reader) throws IOException {
		Map<LocalDate, Holiday> holidays = new HashMap<>();
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank() || line.startsWith("#") || line.equals("date,name")) {
				continue;
			}
			int comma = line.indexOf(',');
			try {
				if (comma < 0 || line.substring(comma + 1).isBlank()) {
					throw new IllegalArgumentException("expected date,name");
				}
				LocalDate date = LocalDate.parse(line.substring(0, comma));
				if (holidays.put(date, new Holiday(date, line.substring(comma + 1).trim())) != null) {
					throw new IllegalArgumentException(date + " is listed twice");
				}
			}
			catch (DateTimeParseException | IllegalArgumentException e) {
				throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
			}
		}
		return new HolidayList(holidays);
	}

	Holiday on(LocalDate date) {
		return holidays.get(date);
	}

	int firstYear() {
		return firstYear;
	}

	int lastYear() {
		return lastYear;
	}
}
