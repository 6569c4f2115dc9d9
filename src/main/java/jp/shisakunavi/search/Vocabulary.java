package jp.shisakunavi.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The files administrators edit to teach the search their words: {@code userdict.txt} (Kuromoji user
 * dictionary), {@code synonyms.txt} (Solr synonym format), {@code question-words.txt}, and
 * {@code sudachi-synonyms.txt} (the part of the Sudachi synonym dictionary the product uses, generated; it comes
 * after synonyms.txt) and {@code out-of-scope.txt} (words of questions the plans do not answer). Each file is read from the vocabulary folder when it is there, otherwise the default
 * shipped in {@code classpath:search/}.
 *
 * @param version changes whenever a file in the folder changes, so that the index knows it must be rebuilt
 */
record Vocabulary(String userDictionary, String synonyms, String dictionarySynonyms, String questionWords,
		String outOfScope, String version) {

	static final String USER_DICTIONARY = "userdict.txt";
	static final String SYNONYMS = "synonyms.txt";
	static final String QUESTION_WORDS = "question-words.txt";
	static final String DICTIONARY_SYNONYMS = "sudachi-synonyms.txt";
	static final String OUT_OF_SCOPE = "out-of-scope.txt";

	static Vocabulary defaults() {
		return new Vocabulary(builtin(USER_DICTIONARY), builtin(SYNONYMS), builtin(DICTIONARY_SYNONYMS),
				builtin(QUESTION_WORDS), builtin(OUT_OF_SCOPE), "builtin");
	}

	/** Reads the files of a folder, falling back to the defaults file by file. */
	static Vocabulary load(Path folder) {
		String userDictionary = read(folder, USER_DICTIONARY);
		String synonyms = read(folder, SYNONYMS);
		String dictionarySynonyms = read(folder, DICTIONARY_SYNONYMS);
		String questionWords = read(folder, QUESTION_WORDS);
		String outOfScope = read(folder, OUT_OF_SCOPE);
		return new Vocabulary(userDictionary, synonyms, dictionarySynonyms, questionWords, outOfScope,
				Integer.toHexString(Objects.hash(userDictionary, synonyms, dictionarySynonyms, questionWords, outOfScope)));
	}

	private static String read(Path folder, String name) {
		Path file = folder == null ? null : folder.resolve(name);
		if (file == null || !Files.isRegularFile(file)) {
			return builtin(name);
		}
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file, e);
		}
	}

	private static String builtin(String name) {
		try (InputStream in = Vocabulary.class.getResourceAsStream("/search/" + name)) {
			if (in == null) {
				throw new IllegalStateException("The default search/" + name + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the default search/" + name, e);
		}
	}
}
