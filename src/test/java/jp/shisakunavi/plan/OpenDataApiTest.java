package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import jp.shisakunavi.AdminApi;

/** The open-data API over the built-in data, on the embedded MongoDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenDataApiTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
	}

	@Autowired
	TestRestTemplate http;

	@Test
	void listsEveryPlanWithItsNumberOfMeasures() {
		JsonNode plans = get("/api/plans");
		Map<String, Integer> measures = new java.util.TreeMap<>();
		plans.forEach(p -> measures.put(p.get("id").asText(), p.get("measures").asInt()));
		assertThat(measures).containsEntry("tajimi-4", 38)
			.containsEntry("kakamigahara-3", 17)
			.containsEntry("oyama-3", 24)
			.containsKeys("tajimi-3", "chigasaki-1");
		JsonNode chigasaki = find(plans, "chigasaki-1");
		assertThat(chigasaki.get("items").asInt()).isEqualTo(83);
		assertThat(chigasaki.get("municipality").asText()).isEqualTo("茅ヶ崎市");
	}

	@Test
	void reproducesTheTotalsOfTajimisFourthPlan() {
		JsonNode summary = find(get("/api/ratings/summary?municipality=多治見市&fiscalYear=令和4年度"), "tajimi-4");
		assertThat(summary.get("units").asInt()).isEqualTo(38);
		assertThat(counts(summary)).containsExactlyEntriesOf(ordered("A", 6, "B", 20, "C", 8, "D", 0, "◎", 0, "○", 3, "▲", 1));
		JsonNode pillars = summary.get("pillars");
		assertThat(pillars.get(0).get("units").asInt()).isEqualTo(10);
		assertThat(counts(pillars.get(0))).containsAllEntriesOf(Map.of("B", 9, "C", 1, "A", 0));
		assertThat(pillars.get(1).get("units").asInt()).isEqualTo(9);
		assertThat(counts(pillars.get(1))).containsAllEntriesOf(Map.of("A", 5, "B", 2, "C", 2));
		assertThat(pillars.get(2).get("units").asInt()).isEqualTo(3);
		assertThat(counts(pillars.get(2))).containsAllEntriesOf(Map.of("B", 2, "○", 1, "A", 0));
		assertThat(pillars.get(3).get("units").asInt()).isEqualTo(16);
		assertThat(counts(pillars.get(3))).containsAllEntriesOf(Map.of("A", 1, "B", 7, "C", 5, "○", 2, "▲", 1));
	}

	@Test
	void reproducesChigasakisTotalsForEveryYear() {
		Map<String, Map<String, Integer>> expected = Map.of(
				"H30", Map.of("A", 56, "B", 23, "C", 1, "—", 3),
				"R元", Map.of("A", 65, "B", 14, "C", 0, "—", 4),
				"R2", Map.of("A", 68, "B", 11, "C", 0, "—", 4),
				"R3", Map.of("A", 72, "B", 6, "C", 0, "—", 5),
				"R4", Map.of("A", 73, "B", 5, "C", 0, "—", 5));
		expected.forEach((year, counts) -> {
			JsonNode summary = find(get("/api/ratings/summary?municipality=茅ケ崎市&fiscalYear=" + year), "chigasaki-1");
			assertThat(summary.get("units").asInt()).as(year).isEqualTo(83);
			assertThat(counts(summary)).as(year).containsExactlyInAnyOrderEntriesOf(counts);
		});
	}

	@Test
	void filtersMeasuresByRatingDepartmentAndYear() {
		JsonNode ratedC = get("/api/measures?municipality=多治見市&plan=tajimi-4&rating=C");
		assertThat(ratedC).hasSize(8);
		JsonNode chigasakiB = get("/api/measures?municipality=ちがさき&fiscalYear=R4&rating=B");
		int items = 0;
		for (JsonNode measure : chigasakiB) {
			for (JsonNode project : measure.get("projects")) {
				items += project.get("items").size();
			}
		}
		assertThat(items).isEqualTo(5);
		JsonNode oyama = get("/api/measures?municipality=小山市");
		assertThat(oyama).hasSize(24);
		assertThat(oyama.get(0).get("schedule")).isNotEmpty();
	}

	@Test
	void unknownNamesGiveAnEmptyResult() {
		assertThat(get("/api/measures?municipality=札幌市")).isEmpty();
		assertThat(get("/api/measures?department=存在しない課")).isEmpty();
		assertThat(get("/api/ratings/summary?municipality=札幌市")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/measures?fiscalYear=来年", "/api/ratings/summary?fiscalYear=R99x",
			"/api/measures?fiscalYear=平成40年度" })
	void badParametersGet400WithAMessage(String url) {
		ResponseEntity<JsonNode> answer = http.getForEntity(url, JsonNode.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("detail").asText()).isNotBlank();
	}

	@Test
	void overlongParametersGet400() {
		ResponseEntity<JsonNode> answer = http.getForEntity("/api/measures?department=" + "課".repeat(500), JsonNode.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void faqIsPublished() {
		JsonNode faq = get("/api/faq");
		assertThat(faq.size()).isGreaterThan(50);
		assertThat(faq.get(0).get("question").asText()).isNotBlank();
	}

	@Test
	void healthReportsTheEmbeddedDatabaseToAdministrators() {
		JsonNode health = AdminApi.admin(http).getForObject("/actuator/health", JsonNode.class);
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/mongo/details/server").asText()).isEqualTo("embedded");
	}

	private JsonNode get(String url) {
		ResponseEntity<JsonNode> answer = http.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
		});
		assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private static JsonNode find(JsonNode array, String planId) {
		for (JsonNode node : array) {
			if (planId.equals(node.path("id").asText(node.path("planId").asText()))) {
				return node;
			}
		}
		throw new AssertionError("no " + planId + " in " + array);
	}

	private static Map<String, Integer> counts(JsonNode summary) {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		summary.get("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
		return counts;
	}

	private static Map<String, Integer> ordered(Object... pairs) {
		Map<String, Integer> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Integer) pairs[i + 1]);
		}
		return map;
	}
}
