package jp.shisakunavi.staff.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.PreviousEvaluation;
import jp.shisakunavi.staff.ReminderStep;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.Round;

/** A department that owes many units gets one card within LINE's limits: ten buttons, the rest counted. */
class ReminderCardTest {

	static final ObjectMapper JSON = ModelObjectMapper.createNewObjectMapper();
	final Round round = new Round("r1", "多治見市", "tajimi-3", "第3次多治見市情報化計画", 2019, LocalDate.of(2026, 4, 1),
			LocalDate.of(2026, 5, 8), List.of(), false, ReminderStep.defaultLadder(), List.of(), 1, Instant.EPOCH, "admin",
			Instant.EPOCH);

	@Test
	void tenUnitsWithButtonsTheRestLeftToTheStatusView() throws Exception {
		List<Obligation> owed = IntStream.rangeClosed(1, 15).mapToObj(i -> obligation(i, "庁内情報システムの新規構築・更新業務その" + i
				+ "（題名が六十文字を超える施策は、カードでは切り詰めて表示されます。ここまでで六十文字を超えます）")).toList();
		ReminderWave wave = new ReminderWave("r1", "2026-04-30", "before-3", StaffRole.REPORTER, 0);

		JsonNode card = json(ReminderCard.departments(round, wave, List.of("情報課"), owed));

		assertThat(card.at("/altText").asText()).isEqualTo("進捗報告のお願い：情報課の未提出は15件です。期限は5月8日(金)です。");
		List<String> postbacks = card.at("/contents/body/contents").findValuesAsText("data");
		assertThat(postbacks).hasSize(10).first().isEqualTo("staff:report:obligation-1");
		assertThat(card.at("/contents/body/contents").findValuesAsText("text"))
			.contains("ほか5件は「報告状況」からご覧ください。", "報告状況", "前年度（平成30年度）の評価：B（目標どおりに実施）")
			.allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(60));
		assertThat(card.at("/contents/body/contents").findValuesAsText("label")).containsOnly("報告する", "報告状況");
		assertThat(card.at("/contents").toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(30 * 1024);
	}

	@Test
	void headsSeeTheListWithoutReportButtons() throws Exception {
		ReminderWave wave = new ReminderWave("r1", "2026-05-12", "overdue-2", StaffRole.HEAD, 2);

		JsonNode card = json(ReminderCard.departments(round, wave, List.of("情報課"), List.of(obligation(1, "ICT-BCP《初動版》の策定"))));

		assertThat(card.at("/altText").asText())
			.isEqualTo("進捗報告の期限超過（所属長の方へ）：期限の5月8日(金)を過ぎています。情報課の未提出は1件です。");
		assertThat(card.at("/contents/body/contents").findValuesAsText("data")).isEmpty();
		assertThat(card.at("/contents/body/contents").findValuesAsText("text")).contains("ICT-BCP《初動版》の策定", "報告状況");
	}

	private static JsonNode json(FlexMessage message) throws Exception {
		return JSON.readTree(JSON.writerFor(Message.class).writeValueAsString(message));
	}

	private static Obligation obligation(int n, String title) {
		return new Obligation("obligation-" + n, "r1", "多治見市", "tajimi-3", "m" + n, title, "u" + n, title, "情報課", "情報課",
				List.of(), true, 2019, LocalDate.of(2026, 5, 8), new PreviousEvaluation(2018, "B", "目標どおりに実施", null),
				ReportStatus.NOT_STARTED, null, false, null, null, null, false, List.of(), List.of(), 0);
	}
}
