package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import jp.shisakunavi.plan.RatingChange.Kind;

/** Evaluations entered by administrators: what is a change, what is stored, and what survives a crash. */
@SpringBootTest
@RecordApplicationEvents
class EvaluationIntakeTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	@Autowired
	EvaluationIntake intake;

	@Autowired
	Plans plans;

	@Autowired
	RatingChanges changes;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEvents events;

	@Test
	void detectsEachKindOfChangeWithOldAndNewRating() {
		IntakeResult result = intake.submit(List.of(
				row(1, "多治見市", "tajimi-4-1-01", "令和5年度", "A"),
				row(2, "多治見市", "tajimi-4-1-02", "R4", "C"),
				row(3, "多治見市", "tajimi-4-1-03", "2023", "○"),
				row(4, "多治見市", "tajimi-4-1-04", "2023年度", "▲"),
				row(5, "多治見市", "tajimi-4-1-05", "令和4年度", "B"),
				row(6, "多治見市", "tajimi-4-1-06", "R5", "B"),
				new EvaluationRow(7, "茅ケ崎市", null, null, "電子カルテシステムの導入", "令和4年度", "B", null, "再評価")),
				false, null);

		assertThat(result.changes())
			.extracting(IntakeResult.DetectedChange::unitId, IntakeResult.DetectedChange::kind,
					IntakeResult.DetectedChange::fiscalYear, IntakeResult.DetectedChange::oldRating,
					IntakeResult.DetectedChange::newRating)
			.containsExactly(
					tuple("tajimi-4-1-01", Kind.NEW_YEAR, 2023, "B", "A"),
					tuple("tajimi-4-1-02", Kind.CORRECTION, 2022, "B", "C"),
					tuple("tajimi-4-1-03", Kind.COMPLETED, 2023, "B", "○"),
					tuple("tajimi-4-1-04", Kind.ABOLISHED, 2023, "B", "▲"),
					tuple("chigasaki-1-1-01-2-1", Kind.CORRECTION, 2022, "A", "B"));
		IntakeResult.DetectedChange completed = result.changes().get(2);
		assertThat(completed.oldMeaning()).isEqualTo("目標どおりに実施");
		assertThat(completed.newMeaning()).isEqualTo("目標どおりに達成");
		assertThat(completed.fiscalYearLabel()).isEqualTo("令和5年度");
		assertThat(result.rows()).isEqualTo(7);
		assertThat(result.unchanged()).isEqualTo(1);
		assertThat(result.written()).isEqualTo(6);

		assertThat(rating("tajimi-4-1-02", 2022)).isEqualTo("C");
		assertThat(rating("tajimi-4-1-06", 2023)).isEqualTo("B");
		Item item = plans.measureHolding("chigasaki-1-1-01-2-1").orElseThrow().items()
			.filter(i -> i.id().equals("chigasaki-1-1-01-2-1")).findFirst().orElseThrow();
		assertThat(item.evaluations()).filteredOn(e -> e.fiscalYear() == 2022).singleElement()
			.satisfies(e -> {
				assertThat(e.rating()).isEqualTo("B");
				assertThat(e.progress()).as("the year's text stays").isNotBlank();
			});
		RatingChange stored = changes.find(result.changes().get(4).id()).orElseThrow();
		assertThat(stored.applied()).isTrue();
		assertThat(stored.comment()).isEqualTo("再評価");
		assertThat(stored.unitTitle()).isEqualTo("電子カルテシステムの導入");
		assertThat(stored.measureId()).isEqualTo("chigasaki-1-1-01");

		List<String> announced = events.stream(RatingsChanged.class).flatMap(e -> e.changeIds().stream()).toList();
		assertThat(announced).containsExactlyInAnyOrderElementsOf(
				result.changes().stream().map(IntakeResult.DetectedChange::id).toList());
		assertThat(events.stream(PlanDataChanged.class).map(PlanDataChanged::planId))
			.contains("tajimi-4", "chigasaki-1");
	}

	@Test
	void theSameRequestTwiceRecordsEachChangeOnce() {
		List<EvaluationRow> rows = List.of(row(1, "多治見市", "tajimi-4-2-01", "R5", "C"),
				row(2, "多治見市", "tajimi-4-2-02", "R5", "A"));
		IntakeResult first = intake.submit(rows, false, null);
		long recorded = mongo.count(new Query(), RatingChange.class);
		IntakeResult second = intake.submit(rows, false, null);

		assertThat(first.changes()).hasSize(1);
		assertThat(first.recorded()).isEqualTo(1);
		assertThat(second.changes()).isEmpty();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(mongo.count(new Query(), RatingChange.class)).isEqualTo(recorded);
	}

	@Test
	void aPreviewTellsWhatTheRequestWillDoAndWritesNothing() {
		List<EvaluationRow> rows = List.of(row(1, "多治見市", "tajimi-4-2-05", "R5", "A"),
				row(2, "多治見市", "tajimi-4-2-06", "R4", "A"));
		long changesBefore = mongo.count(new Query(), RatingChange.class);

		EvaluationPreview preview = intake.preview(rows);

		assertThat(mongo.count(new Query(), RatingChange.class)).isEqualTo(changesBefore);
		assertThat(rating("tajimi-4-2-05", 2023)).isNull();
		assertThat(preview.changes()).singleElement().satisfies(change -> {
			assertThat(change.unitId()).isEqualTo("tajimi-4-2-05");
			assertThat(change.newRating()).isEqualTo("A");
			assertThat(change.pillarNumber()).as("what notify needs to find the followers").isNotNull();
		});
		assertThat(preview.result().unchanged()).isEqualTo(1);
		IntakeResult taken = intake.submit(rows, false, null);
		assertThat(taken.written()).isEqualTo(preview.result().written());
		assertThat(taken.unchanged()).isEqualTo(preview.result().unchanged());
		assertThat(taken.changes()).extracting(IntakeResult.DetectedChange::unitId, IntakeResult.DetectedChange::oldRating,
				IntakeResult.DetectedChange::newRating)
			.containsExactlyElementsOf(preview.result().changes().stream()
				.map(c -> tuple(c.unitId(), c.oldRating(), c.newRating())).toList());
	}

	@Test
	void ratesPerDepartmentWhereThePlanDoes() {
		IntakeResult result = intake.submit(List.of(new EvaluationRow(1, "多治見市", "tajimi-3", "tajimi-3-1-02", null,
				"令和元年度", "A", "福祉課", null)), false, null);

		assertThat(result.changes()).singleElement().satisfies(change -> {
			assertThat(change.kind()).isEqualTo(Kind.CORRECTION);
			assertThat(change.department()).isEqualTo("福祉課");
			assertThat(change.oldRating()).isEqualTo("B");
		});
		assertThat(plans.measure("tajimi-3-1-02").orElseThrow().evaluations())
			.extracting(Evaluation::department, Evaluation::rating)
			.containsExactlyInAnyOrder(tuple("秘書広報課", "B"), tuple("福祉課", "A"));
	}

	@Test
	void oneBadRowRefusesTheWholeRequestWithEveryReason() {
		List<Measure> before = plans.measures();
		long changesBefore = mongo.count(new Query(), RatingChange.class);

		assertThatThrownBy(() -> intake.submit(List.of(
				row(1, "多治見市", "tajimi-4-1-07", "R5", "A"),
				row(2, "多治見市", "tajimi-4-1-08", "R5", "S"),
				row(3, "札幌市", "x", "R5", "A"),
				row(4, "多治見市", "tajimi-4-1-09", "来年", "A"),
				row(5, "各務原市", "kakamigahara-3-1-01", "R4", "A"),
				row(6, "茅ヶ崎市", "chigasaki-1-1-01", "R4", "A"),
				row(7, "多治見市", "tajimi-3-1-02", "R1", "A"),
				row(8, "多治見市", "tajimi-4-1-07", "R5", "B")), false, null))
			.isInstanceOfSatisfying(InvalidEvaluations.class, e -> assertThat(e.problems())
				.extracting(InvalidEvaluations.Problem::row, InvalidEvaluations.Problem::field)
				.containsExactly(tuple(2, "rating"), tuple(3, "municipality"), tuple(4, "fiscalYear"),
						tuple(5, "rating"), tuple(6, "measureId"), tuple(7, "department"), tuple(8, "rating")));

		assertThat(plans.measures()).isEqualTo(before);
		assertThat(mongo.count(new Query(), RatingChange.class)).isEqualTo(changesBefore);
	}

	@Test
	void aRequestInterruptedByACrashIsFinishedWithItsAnswer() {
		List<EvaluationRow> rows = List.of(row(1, "多治見市", "tajimi-4-3-02", "R5", "A"),
				row(2, "多治見市", "tajimi-4-3-03", "R5", "C"));
		List<ResolvedEvaluation> resolved = new EvaluationValidator(plans).validate(rows);
		// As a crash leaves it: the request recorded whole, the first measure written with its change pending.
		intake.exclusively(() -> {
			EvaluationRequest recorded = intake.prepare(resolved, false, "crashed", "crashed", "fingerprint");
			mongo.insert(recorded);
			changes.recordPending(recorded.changes().getFirst());
			return null;
		});
		assertThat(changes.history("tajimi-4-3-02")).as("not public before it is applied").isEmpty();

		intake.finishInterrupted(Duration.ZERO);

		assertThat(rating("tajimi-4-3-02", 2023)).isEqualTo("A");
		assertThat(rating("tajimi-4-3-03", 2023)).isEqualTo("C");
		assertThat(changes.history("tajimi-4-3-02")).singleElement()
			.satisfies(c -> assertThat(c.oldRating() + "→" + c.newRating()).isEqualTo("B→A"));
		assertThat(mongo.findById("crashed", EvaluationRequest.class).done()).isTrue();
		assertThat(changes.history("tajimi-4-3-02").getFirst().appliedAt()).as("stamped when applied").isNotNull();
		assertThat(events.stream(RatingsChanged.class).flatMap(e -> e.changeIds().stream()))
			.hasSize(2);
	}

	@Test
	void aRepeatedTransitionIsRecordedEachTime() {
		String stored = rating("tajimi-4-2-03", 2022);
		String other = stored.equals("A") ? "C" : "A";
		for (String rating : List.of(other, stored, other, stored)) {
			IntakeResult result = intake.submit(List.of(row(1, "多治見市", "tajimi-4-2-03", "R4", rating)), false, null);
			assertThat(result.recorded()).isEqualTo(1);
		}

		assertThat(changes.history("tajimi-4-2-03"))
			.extracting(c -> c.oldRating() + "→" + c.newRating())
			.containsExactly(stored + "→" + other, other + "→" + stored, stored + "→" + other, other + "→" + stored);
		assertThat(rating("tajimi-4-2-03", 2022)).isEqualTo(stored);
	}

	@Test
	void aRequestSentAgainUnderItsKeyGetsTheFirstAnswerAndChangesNothing() {
		List<EvaluationRow> first = List.of(row(1, "多治見市", "tajimi-4-2-04", "R4", "A"));
		List<EvaluationRow> second = List.of(row(1, "多治見市", "tajimi-4-2-04", "R4", "C"));
		IntakeResult answer = intake.submit(first, false, "key-1");
		intake.submit(second, false, "key-2");

		IntakeResult again = intake.submit(first, false, "key-1");

		assertThat(again).isEqualTo(answer);
		assertThat(rating("tajimi-4-2-04", 2022)).as("the late redelivery did not undo the newer request")
			.isEqualTo("C");
		assertThat(changes.history("tajimi-4-2-04")).hasSize(2);
		assertThatThrownBy(() -> intake.submit(second, false, "key-1")).isInstanceOf(ReusedIdempotencyKey.class);
	}

	private String rating(String measureId, int year) {
		return plans.measure(measureId).orElseThrow().evaluations().stream()
			.filter(e -> e.fiscalYear() == year)
			.findFirst()
			.map(Evaluation::rating)
			.orElse(null);
	}

	private static EvaluationRow row(int number, String municipality, String measureId, String year, String rating) {
		return new EvaluationRow(number, municipality, null, measureId, null, year, rating, null, null);
	}
}
