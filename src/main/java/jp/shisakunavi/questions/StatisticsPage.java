package jp.shisakunavi.questions;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.system.SpreadsheetText;

/**
 * 統計: the figures of a period (the last 30 days unless chosen) and a city, as ECharts charts drawn by the page's
 * script from the data each chart carries, and each chart's data as CSV that Excel opens (UTF-8 with a BOM).
 */
@ConsoleController
@RequestMapping("/admin/statistics")
class StatisticsPage {

	private static final int DEFAULT_DAYS = 30;

	private final Statistics statistics;
	private final Permissions permissions;
	private final PlanCatalog catalog;
	private final ObjectMapper json;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage statisticsNavigation() {
		return new ConsolePage("統計", "/admin/statistics", 60, Actor::mayReadConsole);
	}

	StatisticsPage(Statistics statistics, Permissions permissions, PlanCatalog catalog, ObjectMapper json) {
		this.statistics = statistics;
		this.permissions = permissions;
		this.catalog = catalog;
		this.json = json;
	}

	@GetMapping
	String page(@RequestParam(required = false) String municipality, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) throws JsonProcessingException {
		Actor actor = reader();
		Statistics.Period period = period(municipality, from, to);
		Statistics.Figures figures = statistics.of(actor, period);
		model.addAttribute("period", period);
		model.addAttribute("summary", figures.summary());
		model.addAttribute("charts", figures.charts());
		model.addAttribute("chartData", json.writeValueAsString(figures.charts()));
		model.addAttribute("municipalityChoices", catalog.municipalities().stream().filter(actor::mayView).toList());
		return "questions/statistics";
	}

	@GetMapping(path = "/{chart}.csv", produces = "text/csv")
	void csv(@PathVariable String chart, @RequestParam(required = false) String municipality,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		Actor actor = reader();
		Statistics.Period period = period(municipality, from, to);
		Chart data = statistics.of(actor, period).chart(chart);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chart + "-" + period.from() + "-"
				+ period.to() + ".csv\"");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL);
			csv.printRecord(data.columns());
			for (List<Object> row : data.rows()) {
				csv.printRecord(row.stream().map(v -> v instanceof String text ? SpreadsheetText.neutralised(text) : v).toList());
			}
			csv.flush();
		}
	}

	private Statistics.Period period(String municipality, String from, String to) {
		String city = municipality == null || municipality.isBlank() ? null : municipality;
		if (city != null) {
			permissions.requireView(city);
		}
		LocalDate end = date(to, statistics.today());
		LocalDate start = date(from, end.minusDays(DEFAULT_DAYS - 1L));
		return new Statistics.Period(start, end, city);
	}

	private static LocalDate date(String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("日付は 2026-12-01 の形で入れてください");
		}
	}

	private Actor reader() {
		Actor actor = permissions.current();
		if (!actor.mayReadConsole()) {
			throw new Forbidden("統計を見られるのは管理者・編集者・閲覧者のアカウントです");
		}
		return actor;
	}
}
