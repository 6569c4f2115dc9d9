package jp.shisakunavi.faq;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import jp.shisakunavi.system.DataFileException;

/**
 * Entries in the format of the {@code faq/} folder (one YAML file per entry, named by its id; see
 * docs/data-format.md), for a zipped folder exported from the console and imported into it again.
 */
public final class FaqFiles {

	private static final String FOLDER = "faq/";
	private static final String EXTENSION = ".yaml";
	private static final ObjectMapper WRITER = YAMLMapper.builder()
		.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
		.enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
		.serializationInclusion(JsonInclude.Include.NON_DEFAULT)
		.build();

	private FaqFiles() {
	}

	/** The file's path in a zipped folder, e.g. {@code faq/tajimi/rating/a.yaml}. */
	public static String path(String id) {
		return FOLDER + id + EXTENSION;
	}

	/** Whether a path in a zip is an entry's file (other files, such as a README, are left out). */
	public static boolean isEntry(String path) {
		return path.toLowerCase(Locale.ROOT).endsWith(EXTENSION) && !path.endsWith("/");
	}

	/** The entry's file as the folder keeps it. */
	public static byte[] write(String id, FaqDraft content) {
		try {
			return WRITER.writeValueAsString(new FaqFileReader.FaqFile(content.question(), content.alternates(),
					content.answer(), content.municipality(), content.everyCity(), content.category(), content.tags(),
					content.source(), content.url(), content.department(), content.seed(), content.writtenByHand()))
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("FAQ entry " + id + " cannot be written as YAML", e);
		}
	}

	/** One file of a zipped folder as an import row: its id from its path (below {@code faq/}, if it is there). */
	public static FaqImportRow read(int number, String path, byte[] content) {
		String relative = path.startsWith(FOLDER) ? path.substring(FOLDER.length()) : path;
		String id = relative.substring(0, relative.length() - EXTENSION.length());
		try {
			return FaqImportRow.read(number, path, id, new FaqFileReader().read(id, path, content));
		}
		catch (DataFileException e) {
			return FaqImportRow.unreadable(number, path, (e.line() > 0 ? e.line() + "行目：" : "") + e.reason());
		}
	}
}
