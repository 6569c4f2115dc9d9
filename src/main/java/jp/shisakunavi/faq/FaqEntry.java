package jp.shisakunavi.faq;

import java.time.Instant;
import java.util.List;

/**
 * A question citizens ask, other ways they ask it, and the answer, as the bot and the open-data API give it.
 *
 * @param id the entry's path below {@code faq/} without {@code .yaml}, e.g. {@code kakamigahara/glossary/rpa}
 * @param municipality the city the entry is about, or null when it holds for every city
 * @param everyCity a term defined by {@code municipality} that is answered for every city, saying whose definition it
 *        is (各務原市's 用語解説)
 * @param category 分類, e.g. 用語解説, 計画, 評価, 使い方
 * @param source where the answer comes from, shown with it
 * @param url a page with more, shown with the answer
 * @param department 所管部署: the department in charge of what the answer says, if known
 * @param version counts the entry's changes (see {@link FaqVersion})
 */
public record FaqEntry(String id, String question, List<String> alternates, String answer, String municipality,
		boolean everyCity, String category, List<String> tags, String source, String url, String department,
		long version, Instant updatedAt) {

	public FaqEntry {
		alternates = alternates == null ? List.of() : List.copyOf(alternates);
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	/** Whether the answer must say whose definition it is: a term of one city asked about another or no city. */
	public boolean definedElsewhere(String city) {
		return everyCity && municipality != null && !municipality.equals(city);
	}

	/** The answer as the bot sends it to someone asking about {@code city}: whose definition, the answer, source and URL. */
	public String reply(String city) {
		return FaqReply.text(answer, definedElsewhere(city) ? municipality : null, source, url);
	}
}
