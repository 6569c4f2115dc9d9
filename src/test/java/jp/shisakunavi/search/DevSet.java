package jp.shisakunavi.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The development set (src/test/resources/search/devset.yaml): questions as citizens ask them, with what a
 * right answer is.
 *
 * @param q the question
 * @param city the city the asker chose earlier (optional)
 * @param expect ids of units any of which is a right first answer; empty for a question that must be rejected
 * @param intent the intent that must be recognised (optional)
 * @param count for list questions, the number of units the complete list holds (optional)
 */
record DevSet(String q, String city, List<String> expect, Intent intent, Integer count) {

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

	static List<DevSet> load() {
		try (InputStream in = DevSet.class.getResourceAsStream("/search/devset.yaml")) {
			return YAMLMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, new TypeReference<List<DevSet>>() {
				});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
