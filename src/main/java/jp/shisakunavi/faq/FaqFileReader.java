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

/**
 * Reads one FAQ file (format: docs/data-format.md) and says exactly what is wrong with a broken one: the line,
 * and for a field that breaks a rule the same reason the console gives.
 */
final class FaqFileReader {

	private final ObjectMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** @param id the entry the file holds, which names its category when the file does not */
	FaqDraft read(String id, String file, byte[] content) {
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
		FaqDraft draft = new FaqDraft(entry.question(), entry.alternates(), entry.answer(), entry.municipality(),
				entry.everyCity(), entry.category() != null ? entry.category() : FaqCategories.ofId(id), entry.tags(),
				entry.source(), entry.url(), entry.department(), entry.seed(), entry.writtenByHand());
		List<FaqProblem> problems = FaqRules.fieldProblems(draft);
		if (!problems.isEmpty()) {
			throw document.problem(List.of(problems.getFirst().field()), problems.getFirst().reason());
		}
		return draft;
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
	 * say where the answer comes from; the fidelity test checks them, and an export writes them back.
	 */
	record FaqFile(String question, List<String> alternates, String answer, String municipality, boolean everyCity,
			String category, List<String> tags, String source, String url, String department, String seed,
			boolean writtenByHand) {
	}
}
