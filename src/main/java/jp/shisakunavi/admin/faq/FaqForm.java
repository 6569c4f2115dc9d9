package jp.shisakunavi.admin.faq;

import java.util.Arrays;
import java.util.List;

import jp.shisakunavi.faq.FaqDraft;
import jp.shisakunavi.faq.FaqRecord;

/**
 * The FAQ form as submitted: alternates one per line, tags separated by commas, 、 or lines; an empty municipality
 * is common to every city; an unticked box is not sent at all (null: no).
 *
 * @param version the version of the entry the form was filled from (null for a new entry)
 */
record FaqForm(String question, String alternates, String answer, String municipality, Boolean everyCity,
		String category, String tags, String source, String url, String department, String seed,
		Boolean writtenByHand, Long version) {

	static FaqForm of(FaqRecord record) {
		return of(record.content(), record.version());
	}

	static FaqForm of(FaqDraft draft, Long version) {
		return new FaqForm(orEmpty(draft.question()), String.join("\n", draft.alternates()), orEmpty(draft.answer()),
				orEmpty(draft.municipality()), draft.everyCity(), orEmpty(draft.category()), String.join("、", draft.tags()),
				orEmpty(draft.source()), orEmpty(draft.url()), orEmpty(draft.department()), draft.seed(),
				draft.writtenByHand(), version);
	}

	FaqDraft draft() {
		return new FaqDraft(question, lines(alternates, "[\\r\\n]+"), answer, municipality, Boolean.TRUE.equals(everyCity),
				category, lines(tags, "[\\r\\n,、，]+"), source, url, department, seed, !Boolean.FALSE.equals(writtenByHand));
	}

	/** The same form with the version the entry has now (after an edit conflict the editor saves knowingly). */
	FaqForm atVersion(long current) {
		return new FaqForm(question, alternates, answer, municipality, everyCity, category, tags, source, url,
				department, seed, writtenByHand, current);
	}

	private static List<String> lines(String text, String separators) {
		return text == null ? List.of() : Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
