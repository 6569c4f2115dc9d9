package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import jp.shisakunavi.AdminApi;

/** A service of the FAQ tests: its data and its own seed folder below {@code root}, whose files a test writes. */
final class FaqSeedFolder {

	private FaqSeedFolder() {
	}

	static void use(Path root, DynamicPropertyRegistry registry) {
		registry.add("shisaku.data-dir", () -> root.resolve("data").toString());
		registry.add("shisaku.faq-dir", () -> root.resolve("faq").toString());
		AdminApi.credentials(registry);
	}

	/** Writes (or rewrites) {@code faq/<relative>}; the running service sees it within its poll interval. */
	static void write(Path root, String relative, String content) {
		try {
			Path file = root.resolve("faq").resolve(relative);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
