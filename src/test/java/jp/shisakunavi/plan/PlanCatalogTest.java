package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The in-memory copy that answers read: it follows imports at once and other instances' writes on refresh. */
@SpringBootTest
class PlanCatalogTest {

	static final String MEASURE = "tajimi-4-1-01";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> dataDir.toString());
	}

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanImporter importer;

	@Autowired
	MongoTemplate mongo;

	@Test
	void holdsTheCompletedPlansAndFindsTheMeasureOfAMeasureOrItemId() {
		assertThat(catalog.plans()).extracting(Plan::id)
			.containsExactlyInAnyOrder("chigasaki-1", "kakamigahara-3", "oyama-3", "tajimi-3", "tajimi-4");
		assertThat(catalog.measureHolding(MEASURE).orElseThrow().id()).isEqualTo(MEASURE);
		assertThat(catalog.measureHolding("chigasaki-1-1-01-1-2").orElseThrow().id()).isEqualTo("chigasaki-1-1-01");
		assertThat(catalog.plan("tajimi-4").orElseThrow().municipality()).isEqualTo("多治見市");
		assertThat(catalog.measureHolding("no-such-id")).isEmpty();
	}

	@Test
	void anImportIsSeenByTheNextQuestion() throws Exception {
		catalog.measureHolding(MEASURE);
		String original = new ClassPathResource("plans/tajimi-4.yaml").getContentAsString(StandardCharsets.UTF_8);
		String renamed = original.replace("防災情報伝達の多重化(戸別受信機・防災アプリ導入関連)に関する取組み", "防災情報伝達の多重化");
		importer.importFile("tajimi-4.yaml", renamed.getBytes(StandardCharsets.UTF_8));

		assertThat(catalog.measureHolding(MEASURE).orElseThrow().title()).isEqualTo("防災情報伝達の多重化");
	}

	@Test
	void aWriteByAnotherInstanceIsSeenAfterTheRefresh() {
		catalog.measureHolding(MEASURE);
		mongo.updateFirst(Query.query(where("_id").is(MEASURE)), Update.update("title", "別のインスタンスが直した題名"),
				Measure.class);
		catalog.refresh();

		assertThat(catalog.measureHolding(MEASURE).orElseThrow().title()).isEqualTo("別のインスタンスが直した題名");
	}
}
