package jp.shisakunavi.admin.faq;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.shisakunavi.faq.FaqDraft;
import jp.shisakunavi.faq.FaqEntries;
import jp.shisakunavi.faq.FaqEntry;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.Hit;
import jp.shisakunavi.search.Intent;
import jp.shisakunavi.search.Question;
import jp.shisakunavi.search.Search;
import jp.shisakunavi.search.SearchTrial;

/**
 * Asks a question as the bot would, against the saved entries or with an unsaved edit of one entry in place (an
 * index in memory; nothing is written), and describes the answer for the test pane.
 */
@Component
class FaqTrials {

	/** The id an entry not saved yet is tried under. */
	static final String NEW_ENTRY = "（新しい FAQ）";
	private static final int RESULTS = 5;

	private final Search search;
	private final SearchTrial trial;
	private final FaqEntries entries;

	FaqTrials(Search search, SearchTrial trial, FaqEntries entries) {
		this.search = search;
		this.trial = trial;
		this.entries = entries;
	}

	TrialAnswer saved(String question, String municipality, String editedId) {
		Answer answer = search.answer(new Question(question, municipality, RESULTS));
		return describe("saved", answer, municipality, editedId, null);
	}

	/**
	 * @param id the entry being edited, null for a new one
	 * @throws IllegalArgumentException when the draft has no question or no answer yet
	 */
	TrialAnswer draft(String question, String municipality, String id, FaqDraft draft) {
		if (draft.question() == null || draft.answer() == null) {
			throw new IllegalArgumentException("編集中の内容で試すには、質問と回答を入れてください");
		}
		FaqEntry edited = draft.entry(id == null ? NEW_ENTRY : id, 0, null);
		Answer answer = trial.answer(new Question(question, municipality, RESULTS), edited);
		return describe("draft", answer, municipality, edited.id(), edited);
	}

	private TrialAnswer describe(String against, Answer answer, String municipality, String editedId, FaqEntry edited) {
		String city = answer.understood() != null && answer.understood().municipality() != null
				? answer.understood().municipality() : municipality;
		List<TrialAnswer.Result> results = answer.results().stream().map(h -> result(h, city, editedId, edited)).toList();
		boolean ranked = answer.intent() != Intent.LIST && !answer.askBack() && !results.isEmpty();
		return new TrialAnswer(against, answer.query(), intentLabel(answer.intent()), answer.answered(), answer.askBack(),
				ranked ? results.getFirst() : null, ranked ? results.subList(1, results.size()) : results,
				answer.suggestions().stream().map(h -> result(h, city, editedId, edited)).toList());
	}

	private TrialAnswer.Result result(Hit hit, String city, String editedId, FaqEntry edited) {
		boolean isEdited = "faq".equals(hit.type()) && hit.id().equals(editedId);
		if (!"faq".equals(hit.type())) {
			String rating = hit.rating() == null ? "評価なし" : "評価 " + hit.rating()
					+ (hit.fiscalYear() == null ? "" : "（" + hit.fiscalYear() + "年度）");
			return new TrialAnswer.Result("item".equals(hit.type()) ? "細目" : "施策", hit.id(), hit.title(),
					hit.municipality(), hit.plan() + "・" + rating, hit.score(), false);
		}
		Optional<FaqEntry> entry = isEdited && edited != null ? Optional.of(edited) : entries.find(hit.id());
		return new TrialAnswer.Result("FAQ", hit.id(), hit.title(), hit.municipality(),
				entry.map(e -> e.reply(city)).orElse(""), hit.score(), isEdited);
	}

	private static String intentLabel(Intent intent) {
		return switch (intent) {
			case STATUS -> "進み具合の質問";
			case SCHEDULE -> "時期の質問";
			case DEFINITION -> "意味の質問";
			case LIST -> "一覧の質問（一覧で答えます）";
			case RATING_MEANING -> "評価の意味の質問（凡例で答えます）";
			case GREETING -> "あいさつ（あいさつを返します）";
			case THANKS -> "お礼（返事をします）";
			case HELP -> "使い方の質問（使い方を答えます）";
			case OUT_OF_SCOPE -> "答えられない質問";
		};
	}
}
