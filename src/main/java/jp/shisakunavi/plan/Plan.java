package jp.shisakunavi.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A municipality's plan: title, period, source document, pillars and rating scheme. Its measures are stored
 * apart (one document each) so that evaluations of one measure can change without rewriting the plan.
 *
 * @param municipalityKana the reading of the municipality's name in hiragana (たじみし), for questions in kana
 * @param contact where citizens can ask about the plan (the city's ICT department), as the document names it
 * @param importComplete false in a plan document an interrupted import left (imports now write the plan document
 *        last, complete; earlier versions wrote it first)
 */
@Document("plans")
public record Plan(@Id String id, String municipality, String municipalityKana, String prefecture, String title,
		String contact, Period period, String adopted, Source source, String pillarLabel, String measureLabel, String basicPolicy,
		String summary, RatingScheme ratingScheme, List<Pillar> pillars, String checksum, Instant importedAt,
		boolean importComplete) {

	public Plan {
		ratingScheme = ratingScheme == null ? new RatingScheme(List.of()) : ratingScheme;
		pillars = Lists.orEmpty(pillars);
	}

	/** The fiscal years a plan covers, both included. */
	public record Period(int from, int to) {
	}

	/** The document the plan's data was taken from. */
	public record Source(String file, String title, Integer evaluatedUpTo) {
	}

	public Optional<Pillar> pillar(String number) {
		return pillars.stream().filter(p -> p.number().equals(number)).findFirst();
	}

	Plan completed(boolean complete) {
		return new Plan(id, municipality, municipalityKana, prefecture, title, contact, period, adopted, source, pillarLabel,
				measureLabel, basicPolicy, summary, ratingScheme, pillars, checksum, importedAt, complete);
	}
}
