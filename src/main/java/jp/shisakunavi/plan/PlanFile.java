package jp.shisakunavi.plan;

import java.time.Instant;
import java.util.List;

/** A plan as it is written in a data file: the plan with its measures nested under the pillars. */
record PlanFile(String id, String municipality, String municipalityKana, String prefecture, String title,
		String contact, Plan.Period period, String adopted, Plan.Source source, String pillarLabel, String measureLabel,
		String basicPolicy, String summary, List<RatingSymbol> ratingScheme, List<PillarEntry> pillars) {

	PlanFile {
		ratingScheme = Lists.orEmpty(ratingScheme);
		pillars = Lists.orEmpty(pillars);
	}

	record PillarEntry(String number, String title, String description, List<Section> sections,
			List<Measure> measures) {

		PillarEntry {
			measures = Lists.orEmpty(measures);
		}
	}

	Plan plan(String checksum, Instant importedAt) {
		List<Pillar> pillarList = pillars.stream()
			.map(p -> new Pillar(p.number(), p.title(), p.description(), p.sections()))
			.toList();
		return new Plan(id, municipality, municipalityKana, prefecture, title, contact, period, adopted, source, pillarLabel,
				measureLabel, basicPolicy, summary, new RatingScheme(ratingScheme), pillarList, checksum, importedAt,
				false);
	}

	List<Measure> measures() {
		return pillars.stream()
			.flatMap(p -> p.measures().stream().map(m -> m.placedIn(id, municipality, p.number())))
			.toList();
	}
}
