package jp.shisakunavi.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * One question of an evaluation set (src/test/resources/search/*.yaml): a question as citizens ask it, with what a
 * right answer is.
 *
 * @param q the question
 * @param city the city the asker chose earlier (optional)
 * @param expect ids of units any of which is a right first answer; for a list question, the ids the complete list
 *        holds (optional); empty for a question that must be rejected
 * @param intent the intent that must be recognised (optional)
 * @param count for list questions, the number of units the complete list holds (optional)
 */
record DevSet(String q, String city, List<String> expect, Intent intent, Integer count) {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	DevSet {
		expect = expect == null ? List.of() : expect;
	}

	/** A question whose right answer is one of some units. */
	boolean expectsUnits() {
		return !expect.isEmpty() && intent != Intent.LIST;
	}

	/** A question nothing in the data answers: it must come back unanswered. */
	boolean outOfScope() {
		return intent == Intent.OUT_OF_SCOPE;
	}

	boolean isList() {
		return intent == Intent.LIST && (count != null || !expect.isEmpty());
	}

	/**
	 * The questions of one file.
	 *
	 * @param sealed a split nobody tunes on ({@code untouched-*.yaml}, {@code holdout-*.yaml}): only its aggregate
	 *        figures may be printed, never a question or a miss
	 */
	record Split(String name, boolean sealed, List<DevSet> questions) {
	}

	/** The project's first development set, devset.yaml. */
	static List<DevSet> load() {
		return read("devset.yaml", false);
	}

	/**
	 * Every evaluation set on the classpath, open ones first: devset.yaml, the citizen sets, then the sealed
	 * splits (present only where they are kept).
	 */
	static List<Split> all() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:search/*.yaml");
			return Arrays.stream(files)
				.map(Resource::getFilename)
				.filter(name -> name != null && (name.equals("devset.yaml") || name.startsWith("citizen-")
						|| isSealed(name)))
				.distinct()
				.sorted(Comparator.comparing(DevSet::isSealed).thenComparing(name -> !name.equals("devset.yaml"))
					.thenComparing(Comparator.naturalOrder()))
				.map(name -> new Split(name, isSealed(name), read(name, isSealed(name))))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The questions of every open set (for the benchmark and calibration). */
	static List<DevSet> open() {
		return all().stream().filter(split -> !split.sealed()).flatMap(split -> split.questions().stream()).toList();
	}

	private static boolean isSealed(String name) {
		return name.startsWith("untouched-") || name.startsWith("holdout-");
	}

	private static List<DevSet> read(String name, boolean sealed) {
		try (InputStream in = DevSet.class.getResourceAsStream("/search/" + name)) {
			return YAML.readValue(in, new TypeReference<List<DevSet>>() {
			});
		}
		catch (JacksonException e) {
			// A parser's message quotes the text around the problem: for a sealed split only the place is told.
			if (sealed) {
				throw new IllegalStateException(name + " cannot be read (line "
						+ (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
			}
			throw new IllegalStateException(name + ": " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
