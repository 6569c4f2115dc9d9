package jp.shisakunavi.plan;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import jp.shisakunavi.system.DataFileException;
import jp.shisakunavi.system.YamlDocument;

/**
 * Reads and validates a plan data file (format: docs/data-format.md). Anything wrong is reported as a
 * {@link DataFileException} with the file, the line and the reason; nothing is written before a file passes.
 */
final class PlanFileReader {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
	private static final Set<String> FISCAL_YEAR_KEYS = Set.of("fiscalYear", "from", "to", "evaluatedUpTo");
	private static final int FIRST_YEAR = 1989;
	private static final int LAST_YEAR = 2100;

	private final ObjectMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.build();

	PlanFile read(String file, byte[] content) {
		YamlDocument document = YamlDocument.parse(file, decode(file, content), yaml);
		normalizeFiscalYears(document, document.tree(), new java.util.ArrayList<>());
		PlanFile plan = document.map(yaml, PlanFile.class);
		new Validation(document, plan).run();
		return plan;
	}

	private static String decode(String file, byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new DataFileException(file, 0, "not UTF-8 text (save the file as UTF-8)");
		}
	}

	/** Fiscal years may be written in any notation; they become integers before mapping. */
	private static void normalizeFiscalYears(YamlDocument document, JsonNode node, List<Object> path) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				path.add(field.getKey());
				JsonNode value = field.getValue();
				if (FISCAL_YEAR_KEYS.contains(field.getKey()) && value.isTextual()) {
					try {
						field.setValue(IntNode.valueOf(FiscalYear.parse(value.asText())));
					}
					catch (IllegalArgumentException e) {
						throw document.problem(path, e.getMessage());
					}
				}
				else {
					normalizeFiscalYears(document, value, path);
				}
				path.removeLast();
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				path.add(i);
				normalizeFiscalYears(document, array.get(i), path);
				path.removeLast();
			}
		}
	}

	/** The rules of docs/data-format.md that the mapping alone does not enforce. */
	private record Validation(YamlDocument document, PlanFile plan) {

		void run() {
			require(plan.id(), List.of("id"));
			if (!ID.matcher(plan.id()).matches()) {
				throw document.problem(List.of("id"), "use lowercase letters, digits and '-' only");
			}
			require(plan.municipality(), List.of("municipality"));
			require(plan.title(), List.of("title"));
			if (plan.period() == null) {
				throw document.problem(List.of(), "period is required");
			}
			checkYear(plan.period().from(), List.of("period", "from"));
			checkYear(plan.period().to(), List.of("period", "to"));
			if (plan.period().from() > plan.period().to()) {
				throw document.problem(List.of("period"), "period ends before it begins");
			}
			Set<String> symbols = new HashSet<>();
			for (int i = 0; i < plan.ratingScheme().size(); i++) {
				RatingSymbol symbol = plan.ratingScheme().get(i);
				require(symbol.symbol(), List.of("ratingScheme", i, "symbol"));
				if (symbol.state() == null) {
					throw document.problem(List.of("ratingScheme", i), "state is required (ongoing, completed, abolished or unrated)");
				}
				if (!symbols.add(symbol.symbol())) {
					throw document.problem(List.of("ratingScheme", i), "symbol " + symbol.symbol() + " is listed twice");
				}
			}
			if (plan.pillars().isEmpty()) {
				throw document.problem(List.of("pillars"), "a plan needs at least one pillar");
			}
			Set<String> ids = new HashSet<>();
			Set<String> pillarNumbers = new HashSet<>();
			for (int p = 0; p < plan.pillars().size(); p++) {
				PlanFile.PillarEntry pillar = plan.pillars().get(p);
				require(pillar.number(), List.of("pillars", p, "number"));
				require(pillar.title(), List.of("pillars", p, "title"));
				if (!pillarNumbers.add(pillar.number())) {
					throw document.problem(List.of("pillars", p, "number"), "pillar " + pillar.number() + " is listed twice");
				}
				for (int m = 0; m < pillar.measures().size(); m++) {
					checkMeasure(pillar.measures().get(m), List.of("pillars", p, "measures", m), ids, symbols);
				}
			}
		}

		private void checkMeasure(Measure measure, List<Object> at, Set<String> ids, Set<String> symbols) {
			checkRated(measure, at, ids, symbols);
			for (int p = 0; p < measure.projects().size(); p++) {
				Project project = measure.projects().get(p);
				require(project.title(), append(at, "projects", p, "title"));
				for (int i = 0; i < project.items().size(); i++) {
					checkRated(project.items().get(i), append(at, "projects", p, "items", i), ids, symbols);
				}
			}
			for (int s = 0; s < measure.schedule().size(); s++) {
				checkYear(measure.schedule().get(s).fiscalYear(), append(at, "schedule", s, "fiscalYear"));
			}
		}

		private void checkRated(Rated rated, List<Object> at, Set<String> ids, Set<String> symbols) {
			require(rated.id(), append(at, "id"));
			require(rated.title(), append(at, "title"));
			if (!ID.matcher(rated.id()).matches()) {
				throw document.problem(append(at, "id"), "use lowercase letters, digits and '-' only");
			}
			if (!ids.add(rated.id())) {
				throw document.problem(append(at, "id"), "id " + rated.id() + " is used twice");
			}
			Set<String> seen = new HashSet<>();
			for (int e = 0; e < rated.evaluations().size(); e++) {
				Evaluation evaluation = rated.evaluations().get(e);
				List<Object> where = append(at, "evaluations", e);
				checkYear(evaluation.fiscalYear(), append(where, "fiscalYear"));
				require(evaluation.rating(), append(where, "rating"));
				if (!symbols.contains(evaluation.rating())) {
					throw document.problem(append(where, "rating"), "rating '" + evaluation.rating()
							+ "' is not in the plan's ratingScheme " + symbols);
				}
				if (!seen.add(evaluation.fiscalYear() + "/" + evaluation.department())) {
					throw document.problem(where, "a second evaluation for fiscal year " + evaluation.fiscalYear()
							+ (evaluation.department() == null ? "" : " and " + evaluation.department()));
				}
			}
		}

		private void checkYear(int year, List<Object> at) {
			if (year < FIRST_YEAR || year > LAST_YEAR) {
				throw document.problem(at, year == 0 ? "a fiscal year is required"
						: "fiscal year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
			}
		}

		private void require(String value, List<Object> at) {
			if (value == null || value.isBlank()) {
				throw document.problem(at, "is required");
			}
		}

		private static List<Object> append(List<Object> path, Object... steps) {
			List<Object> result = new java.util.ArrayList<>(path);
			result.addAll(List.of(steps));
			return result;
		}
	}
}
