package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading a corrected data file again: texts from the file, ratings from the database. */
class StoredRatingsTest {

	@Test
	void theFileGivesTheTextsAndTheDatabaseTheRatingsPerYearAndDepartment() {
		List<Evaluation> fromFile = List.of(
				new Evaluation(2019, "B", "秘書広報課", null, "訂正した進捗", "1.現状維持"),
				new Evaluation(2019, "B", "福祉課", null, "福祉課の進捗", null));
		List<Evaluation> stored = List.of(
				new Evaluation(2019, "A", "秘書広報課", "※", "変換されたままの進捗", "1.現状維持"),
				new Evaluation(2019, "B", "福祉課", null, "古い進捗", null),
				new Evaluation(2020, "C", "福祉課", null, null, null));

		assertThat(StoredRatings.keep(fromFile, stored)).containsExactly(
				new Evaluation(2019, "A", "秘書広報課", "※", "訂正した進捗", "1.現状維持"),
				new Evaluation(2019, "B", "福祉課", null, "福祉課の進捗", null),
				new Evaluation(2020, "C", "福祉課", null, null, null));
	}

	@Test
	void aMeasureNotStoredYetIsTheFilesAsItIs() {
		List<Evaluation> fromFile = List.of(new Evaluation(2022, "B", null, null, "実績", null));
		assertThat(StoredRatings.keep(fromFile, List.of())).isEqualTo(fromFile);
		assertThat(StoredRatings.keep(fromFile, null)).isEqualTo(fromFile);
	}
}
