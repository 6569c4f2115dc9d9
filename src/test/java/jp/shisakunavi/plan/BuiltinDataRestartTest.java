package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.system.DataFileException;

/** The built-in data across restarts of the whole application on one embedded database file. */
class BuiltinDataRestartTest {

	@TempDir
	Path dataDir;

	@Test
	void restartingKeepsDataWithoutDuplicatesAndKeepsNewerData() {
		long measures;
		long plans;
		try (ConfigurableApplicationContext first = start()) {
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			measures = mongo.count(new Query(), Measure.class);
			plans = mongo.count(new Query(), Plan.class);
			assertThat(measures).isGreaterThan(100);
			assertThat(mongo.count(new Query(), RatingChange.class)).as("loading is not a change").isZero();
			mongo.updateFirst(Query.query(where("_id").is("tajimi-4-1-01")),
					new Update().push("evaluations", new Evaluation(2023, "A", null, null, "令和5年度の実績", null)),
					Measure.class);
		}
		try (ConfigurableApplicationContext second = start()) {
			MongoTemplate mongo = second.getBean(MongoTemplate.class);
			assertThat(mongo.count(new Query(), Measure.class)).isEqualTo(measures);
			assertThat(mongo.count(new Query(), Plan.class)).isEqualTo(plans);
			Measure kept = second.getBean(Plans.class).measure("tajimi-4-1-01").orElseThrow();
			assertThat(kept.evaluations()).extracting(Evaluation::fiscalYear).contains(2023);
			assertThat(mongo.count(new Query(), RatingChange.class)).isZero();
		}
	}

	@Test
	void aCorrectedBuiltinFileReachesAnExistingDatabaseAndKeepsTheEvaluationsEnteredSince() throws Exception {
		String corrected = "・デジタル・デバイド対策※1として、スマホ講座等の開催に向けた取り組みを強化する事が必要です。";
		long changes;
		try (ConfigurableApplicationContext first = start()) {
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			// The installation as an older release left it: a text as converted, the plan stored from that file.
			mongo.updateFirst(Query.query(where("_id").is("tajimi-4-2-09")),
					Update.update("sections.1.text", corrected.replace("※1", "^{*1}")), Measure.class);
			mongo.updateFirst(Query.query(where("_id").is("tajimi-4")), Update.update("checksum", "older"), Plan.class);
			// Evaluations entered since: a new year, and a correction of the year the file rates.
			EvaluationIntake intake = first.getBean(EvaluationIntake.class);
			intake.submit(List.of(row(1, "tajimi-4-1-01", "令和5年度", "A"), row(2, "tajimi-4-2-09", "令和4年度", "B")),
					false);
			changes = mongo.count(new Query(), RatingChange.class);

			Plans plans = first.getBean(Plans.class);
			Measure read = plans.measure("tajimi-4-1-02").orElseThrow();
			intake.submit(List.of(row(3, "tajimi-4-1-02", "令和5年度", "C")), false);
			assertThat(plans.replaceIfUnchanged(read, read)).as("an intake since the read is not overwritten").isFalse();
			Measure now = plans.measure("tajimi-4-1-02").orElseThrow();
			assertThat(plans.replaceIfUnchanged(now, now)).isTrue();
			assertThat(now.evaluations()).extracting(Evaluation::fiscalYear).contains(2023);
		}
		try (ConfigurableApplicationContext second = start()) {
			Plans plans = second.getBean(Plans.class);
			Measure fixed = plans.measure("tajimi-4-2-09").orElseThrow();
			assertThat(fixed.sections().get(1).text().strip()).isEqualTo(corrected);
			assertThat(fixed.evaluations()).extracting(Evaluation::fiscalYear, Evaluation::rating)
				.containsExactly(Tuple.tuple(2022, "B"));
			assertThat(plans.measure("tajimi-4-1-01").orElseThrow().evaluations())
				.extracting(Evaluation::fiscalYear, Evaluation::rating)
				.containsExactly(Tuple.tuple(2022, "B"), Tuple.tuple(2023, "A"));
			byte[] file = new ClassPathResource("plans/tajimi-4.yaml").getContentAsByteArray();
			assertThat(plans.plan("tajimi-4").orElseThrow().checksum())
				.isEqualTo(second.getBean(PlanImporter.class).validate("tajimi-4.yaml", file).checksum());
			assertThat(second.getBean(MongoTemplate.class).count(new Query(), RatingChange.class))
				.as("re-reading a file records no rating change").isEqualTo(changes + 1);
		}
	}

	@Test
	void aBrokenFileIsRejectedWithLineAndReasonAndTheDatabaseKeepsItsContent() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Plans plans = context.getBean(Plans.class);
			List<Measure> before = plans.measuresOf("tajimi-4");
			String original = new ClassPathResource("plans/tajimi-4.yaml").getContentAsString(StandardCharsets.UTF_8);
			String broken = original.replaceFirst("rating: \"?B\"?", "rating: S");
			assertThatThrownBy(() -> context.getBean(PlanImporter.class)
				.importFile("tajimi-4.yaml", broken.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOfSatisfying(DataFileException.class, e -> {
					assertThat(e.line()).isPositive();
					assertThat(e.reason()).contains("'S' is not in the plan's ratingScheme");
				});
			assertThat(plans.measuresOf("tajimi-4")).isEqualTo(before);
			assertThat(plans.plan("tajimi-4").orElseThrow().importComplete()).isTrue();
		}
	}

	@Test
	void anInterruptedImportIsCompletedAtTheNextStart() {
		try (ConfigurableApplicationContext first = start()) {
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			mongo.updateFirst(Query.query(where("_id").is("oyama-3")), Update.update("importComplete", false), Plan.class);
			mongo.remove(Query.query(where("planId").is("oyama-3").and("pillarNumber").is("4")), Measure.class);
		}
		try (ConfigurableApplicationContext second = start()) {
			Plans plans = second.getBean(Plans.class);
			assertThat(plans.plan("oyama-3").orElseThrow().importComplete()).isTrue();
			assertThat(plans.measuresOf("oyama-3")).hasSize(24);
		}
	}

	private static EvaluationRow row(int number, String measureId, String year, String rating) {
		return new EvaluationRow(number, "多治見市", "tajimi-4", measureId, null, year, rating, null, null);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ShisakuNaviApplication.class)
			.run("--server.port=0", "--shisaku.data-dir=" + dataDir, "--spring.main.banner-mode=off");
	}
}
