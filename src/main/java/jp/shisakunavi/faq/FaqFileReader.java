package jp.shisakunavi.faq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import jp.shisakunavi.system.DataFileException;
import jp.shisakunavi.system.YamlDocument;

/** Reads one FAQ file (format: docs/data-format.md) and says exactly what is wrong with a broken one. */
final class FaqFileReader {

	private static final int MAX_ANSWER_LENGTH = 4000;

	private final ObjectMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	FaqEntry read(String id, String file, byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new DataFileException(file, 0, "not UTF-8 text (save the file as UTF-8)");
		}
		YamlDocument document = YamlDocument.parse(file, text, yaml);
		FaqFile entry = document.map(yaml, FaqFile.class);
		if (entry.question() == null || entry.question().isBlank()) {
			throw document.problem(List.of("question"), "is required");
		}
		if (entry.answer() == null || entry.answer().isBlank()) {
			throw document.problem(List.of("answer"), "is required");
		}
		if (entry.answer().length() > MAX_ANSWER_LENGTH) {
			throw document.problem(List.of("answer"), "is longer than " + MAX_ANSWER_LENGTH
					+ " characters; citizens read answers on a phone");
		}
		if (entry.everyCity() && (entry.municipality() == null || entry.municipality().isBlank())) {
			throw document.problem(List.of("everyCity"), "needs the municipality whose definition the entry is");
		}
		return new FaqEntry(id, entry.question().strip(), entry.alternates(), entry.answer().strip(),
				entry.municipality(), entry.everyCity(), entry.tags(), entry.source(), checksum(content));
	}

	static String checksum(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}

	/**
	 * The fields a FAQ file may have. {@code seed} (the seed document an answer quotes) and {@code writtenByHand}
	 * say where the answer comes from; the fidelity test checks them, the service does not need them.
	 */
	record FaqFile(String question, List<String> alternates, String answer, String municipality, boolean everyCity,
			List<String> tags, String source, String seed, boolean writtenByHand) {
	}
}
