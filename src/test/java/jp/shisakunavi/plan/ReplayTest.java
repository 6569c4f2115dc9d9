package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.shisakunavi.AdminApi;

/** Replaying the built-in histories as rating changes, through the admin endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	Plans plans;

	@Autowired
	MongoTemplate mongo;

	@Test
	void chigasakiReplaysEveryYearAfterH30AndASecondReplayRecordsNothing() throws IOException {
		int expected = changesBetweenYears("chigasaki-1");
		assertThat(expected).as("computed from the seed's items, year to year").isEqualTo(24);
		List<Measure> before = plans.measuresOf("chigasaki-1");

		JsonNode first = replay("chigasaki-1");

		assertThat(first.get("startYear").asInt()).isEqualTo(2018);
		assertThat(first.get("years")).extracting(y -> y.get("fiscalYear").asInt())
			.containsExactly(2019, 2020, 2021, 2022);
		assertThat(first.get("years")).extracting(y -> y.get("result").get("changes").size())
			.containsExactly(12, 5, 6, 1);
		assertThat(first.get("recorded").asLong()).isEqualTo(expected);
		assertThat(changesOf("chigasaki-1")).isEqualTo(expected);
		assertThat(plans.measuresOf("chigasaki-1")).as("ends where the seed ends").isEqualTo(before);

		JsonNode second = replay("chigasaki-1");

		assertThat(second.get("detected").asLong()).isEqualTo(expected);
		assertThat(second.get("recorded").asLong()).isZero();
		assertThat(changesOf("chigasaki-1")).isEqualTo(expected);

		JsonNode history = http.getForObject("/api/measures/chigasaki-1-1-01-2-1/history", JsonNode.class);
		assertThat(history).singleElement().satisfies(change -> {
			assertThat(change.get("fiscalYearLabel").asText()).isEqualTo("令和元年度");
			assertThat(change.get("oldRating").asText() + "→" + change.get("newRating").asText()).isEqualTo("B→A");
			assertThat(change.get("newMeaning").asText()).isEqualTo("達成できた。");
		});
	}

	@Test
	void tajimiReplaysTheMeasuresFinishedInFY2021() {
		List<Measure> before = plans.measuresOf("tajimi-4");

		JsonNode result = replay("tajimi-4");

		assertThat(result.has("startYear")).as("no year rates every measure: starts without ratings").isFalse();
		JsonNode fy2021 = result.get("years").get(0);
		assertThat(fy2021.get("fiscalYear").asInt()).isEqualTo(2021);
		assertThat(fy2021.get("result").get("changes"))
			.extracting(c -> c.get("unitId").asText() + " " + c.get("kind").asText() + " " + c.get("newRating").asText())
			.containsExactlyInAnyOrder("tajimi-4-3-01 COMPLETED ○", "tajimi-4-4-07 COMPLETED ○",
					"tajimi-4-4-16 COMPLETED ○", "tajimi-4-4-09 ABOLISHED ▲");
		JsonNode fy2022 = result.get("years").get(1);
		assertThat(fy2022.get("result").get("rows").asInt()).isEqualTo(34);
		assertThat(fy2022.get("result").get("changes")).as("first ratings are no change").isEmpty();
		assertThat(plans.measuresOf("tajimi-4")).isEqualTo(before);
		assertThat(replay("tajimi-4").get("recorded").asLong()).isZero();
	}

	@Test
	void plansWithoutRatingsOrUnknownPlansCannotBeReplayed() {
		for (String plan : List.of("oyama-3", "sapporo-1")) {
			ResponseEntity<JsonNode> answer = AdminApi.admin(http)
				.postForEntity("/admin/api/replay?plan=" + plan, null, JsonNode.class);
			assertThat(answer.getStatusCode()).as(plan).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody().get("detail").asText()).as(plan).isNotBlank();
		}
	}

	private JsonNode replay(String plan) {
		ResponseEntity<JsonNode> answer = AdminApi.admin(http)
			.postForEntity("/admin/api/replay?plan=" + plan, null, JsonNode.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private long changesOf(String planId) {
		return mongo.count(Query.query(where("planId").is(planId)), RatingChange.class);
	}

	/** Straight from the data file: ratings that differ from the unit's rating of the year before. */
	private static int changesBetweenYears(String planId) throws IOException {
		byte[] file = new ClassPathResource("plans/" + planId + ".yaml").getContentAsByteArray();
		PlanFile plan = new PlanFileReader().read(planId + ".yaml", file);
		assertThat(plan.ratingScheme()).noneMatch(s -> s.state() == RatingState.COMPLETED
				|| s.state() == RatingState.ABOLISHED);
		int changes = 0;
		for (Rated unit : plan.measures().stream().flatMap(Measure::ratedUnits).toList()) {
			List<Evaluation> years = unit.evaluations().stream()
				.sorted(Comparator.comparingInt(Evaluation::fiscalYear)).toList();
			for (int i = 1; i < years.size(); i++) {
				if (!Objects.equals(years.get(i - 1).rating(), years.get(i).rating())) {
					changes++;
				}
			}
		}
		return changes;
	}
}
