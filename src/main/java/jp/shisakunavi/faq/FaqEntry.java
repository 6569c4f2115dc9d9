package jp.shisakunavi.faq;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question citizens ask, other ways they ask it, and the answer.
 *
 * @param id the file's path below {@code faq/} without {@code .yaml}, e.g. {@code kakamigahara/glossary/rpa}
 * @param municipality the city the entry is about, or null when it holds for every city
 * @param everyCity a term defined by {@code municipality} that is answered for every city, saying whose definition it
 *        is (各務原市's 用語解説)
 * @param checksum of the file the entry was read from, to notice changes
 */
@Document("faq")
public record FaqEntry(@Id String id, String question, List<String> alternates, String answer, String municipality,
		boolean everyCity, List<String> tags, String source, String checksum) {

	public FaqEntry {
		alternates = alternates == null ? List.of() : List.copyOf(alternates);
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	/** Whether the answer must say whose definition it is: a term of one city asked about another or no city. */
	public boolean definedElsewhere(String city) {
		return everyCity && !municipality.equals(city);
	}
}
