package jp.shisakunavi.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingSymbol;

/**
 * What query understanding recognises, taken from the data itself: the cities (with the names and readings
 * their plans give), their plans newest first, and the departments named anywhere. Every phrase looked for in
 * a question is normalized once, when the snapshot is built, not for every question.
 *
 * @param cityNames every way a city is written, longest first
 * @param departments the departments, longest first
 * @param meanings the rating meanings of every plan, longest first
 * @param prefectures the prefectures of the cities
 */
record Catalog(List<City> cities, List<Phrase<City>> cityNames, List<Phrase<String>> departments,
		List<RatingScheme> schemes, List<Phrase<String>> meanings, List<String> prefectures) {

	/** Something recognised in a question by a phrase (normalized like the question). */
	record Phrase<T>(T value, String phrase) {

		String cutFrom(String text) {
			return text.replace(phrase, " ");
		}
	}

	/**
	 * A city and its plans, newest first.
	 *
	 * @param schemes the legends of the city's plans, newest first
	 * @param meanings the city's rating meanings, longest first
	 * @param pillars the pillars of its plans by title, newest plan first
	 */
	record City(String name, String kana, List<Plan> plans, List<RatingScheme> schemes,
			List<Phrase<String>> meanings, List<Phrase<Pillar>> pillars) {

		static City of(String name, String kana, List<Plan> newestFirst) {
			List<RatingScheme> schemes = newestFirst.stream().map(Plan::ratingScheme).filter(s -> !s.isEmpty()).toList();
			List<Phrase<Pillar>> pillars = newestFirst.stream()
				.flatMap(plan -> plan.pillars().stream())
				.filter(p -> p.title() != null && p.title().length() >= 4)
				.map(p -> new Phrase<>(p, JapaneseAnalysis.normalize(p.title())))
				.toList();
			return new City(name, kana, newestFirst, schemes, longestFirst(Catalog.meanings(schemes)), pillars);
		}

		Plan newest() {
			return plans.getFirst();
		}

		/** Every way the city is written that should be found in a question. */
		private Stream<Phrase<City>> names() {
			String core = MunicipalityName.key(name);
			Stream<String> written = Stream.of(name, core);
			Stream<String> read = kana == null || kana.isBlank() ? Stream.empty()
					: Stream.of(kana, kana.replaceFirst("し$", ""), Kana.toKatakana(kana),
							Kana.toKatakana(kana.replaceFirst("し$", "")));
			return Stream.concat(written, read)
				.map(JapaneseAnalysis::normalize)
				.filter(a -> a.length() >= 2)
				.distinct()
				.map(a -> new Phrase<>(this, a));
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
			return City.of(newestFirst.getFirst().municipality(), kana, newestFirst);
		}).toList();
		List<RatingScheme> schemes = cities.stream().flatMap(c -> c.schemes().stream()).toList();
		return new Catalog(cities, longestFirst(cities.stream().flatMap(City::names).toList()),
				departments.stream().map(Departments::core).distinct()
					.sorted(Comparator.comparingInt(String::length).reversed())
					.map(d -> new Phrase<>(d, JapaneseAnalysis.normalize(d)))
					.toList(),
				schemes, longestFirst(meanings(schemes)),
				plans.stream().map(Plan::prefecture).filter(p -> p != null && !p.isBlank()).distinct().toList());
	}

	/** The first phrase, in the given order, that the text contains. */
	static <T> Optional<Phrase<T>> firstIn(String text, List<Phrase<T>> phrases) {
		for (Phrase<T> phrase : phrases) {
			if (text.contains(phrase.phrase())) {
				return Optional.of(phrase);
			}
		}
		return Optional.empty();
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

	/** A rating's meaning written out, whole and in its parts (達成できなかった → C in 茅ヶ崎市). */
	private static List<Phrase<String>> meanings(List<RatingScheme> schemes) {
		return schemes.stream()
			.flatMap(s -> s.symbols().stream())
			.flatMap(Catalog::meaningPhrases)
			.toList();
	}

	private static Stream<Phrase<String>> meaningPhrases(RatingSymbol symbol) {
		if (symbol.meaning() == null) {
			return Stream.empty();
		}
		String meaning = JapaneseAnalysis.normalize(symbol.meaning()).replaceAll("[。.!]+$", "");
		return Stream.concat(Stream.of(meaning), Stream.of(meaning.split("[・、,。()]|または")))
			.map(String::strip)
			.filter(p -> p.length() >= 2)
			.distinct()
			.map(p -> new Phrase<>(symbol.symbol(), p));
	}

	private static <T> List<Phrase<T>> longestFirst(List<Phrase<T>> phrases) {
		return phrases.stream()
			.sorted(Comparator.comparingInt((Phrase<T> p) -> p.phrase().length()).reversed())
			.toList();
	}
}
