package jp.shisakunavi.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings that come from the environment (see .env.example).
 *
 * @param dataDir where the embedded database file, the search index and other runtime files live
 * @param mongodbUri a MongoDB connection string; empty starts the embedded server
 * @param faqDir the folder of FAQ files that is loaded and watched
 * @param restoreFrom a backup of the embedded database to restore before starting (null: none)
 */
@ConfigurationProperties("shisaku")
public record ShisakuProperties(Path dataDir, String mongodbUri, Path faqDir, Path restoreFrom) {

	public ShisakuProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		faqDir = faqDir == null ? Path.of("faq") : faqDir;
		mongodbUri = mongodbUri == null ? "" : mongodbUri.trim();
		restoreFrom = restoreFrom == null || restoreFrom.toString().isBlank() ? null : restoreFrom;
	}

	public boolean embeddedDatabase() {
		return mongodbUri.isEmpty();
	}
}
