package jp.shisakunavi.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.RatingScheme;

/**
 * What query understanding recognises, taken from the data itself: the cities (with the names and readings
 * their plans give), their plans newest first, and the departments named anywhere.
 */
record Catalog(List<City> cities, List<String> departments) {

	/** A city and its plans, newest first. */
	record City(String name, String kana, List<Plan> plans) {

		Plan newest() {
			return plans.getFirst();
		}

		/** Every way the city is written that should be found in a question, longest first. */
		List<String> aliases() {
			String core = MunicipalityName.key(name);
			Stream<String> written = Stream.of(name, core, JapaneseAnalysis.normalize(name),
					JapaneseAnalysis.normalize(core));
			Stream<String> read = kana == null || kana.isBlank() ? Stream.empty()
					: Stream.of(kana, kana.replaceFirst("し$", ""), Kana.toKatakana(kana),
							Kana.toKatakana(kana.replaceFirst("し$", "")));
			return Stream.concat(written, read)
				.filter(a -> a.length() >= 2)
				.distinct()
				.sorted(Comparator.comparingInt(String::length).reversed())
				.toList();
		}

		/** The legends of the city's plans, newest first. */
		List<RatingScheme> schemes() {
			return plans.stream().map(Plan::ratingScheme).filter(s -> !s.isEmpty()).toList();
		}
	}

	static Catalog of(List<Plan> plans, List<String> departments) {
		Map<String, List<Plan>> byCity = new LinkedHashMap<>();
		plans.forEach(p -> byCity.computeIfAbsent(MunicipalityName.key(p.municipality()), k -> new ArrayList<>())
			.add(p));
		List<City> cities = byCity.values().stream().map(list -> {
			List<Plan> newestFirst = list.stream()
				.sorted(Comparator.comparingInt((Plan p) -> p.period() == null ? 0 : p.period().from()).reversed())
				.toList();
			String kana = newestFirst.stream().map(Plan::municipalityKana).filter(k -> k != null && !k.isBlank())
				.findFirst().orElse(null);
			return new City(newestFirst.getFirst().municipality(), kana, newestFirst);
		}).toList();
		return new Catalog(cities, departments.stream().distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList());
	}

	Optional<City> city(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return cities.stream()
			.filter(c -> MunicipalityName.matches(name, c.name(), c.kana()))
			.findFirst();
	}

	boolean isNewest(Plan plan) {
		return city(plan.municipality()).map(c -> c.newest().id().equals(plan.id())).orElse(true);
	}
}
