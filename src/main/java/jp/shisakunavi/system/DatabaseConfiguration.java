package jp.shisakunavi.system;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to MongoDB: the server named by {@code MONGODB_URI}, or, when that is empty, an embedded
 * wire-compatible server that keeps its data in one H2 file under {@code DATA_DIR}. The rest of the
 * application talks to both through the same driver over TCP.
 * <p>
 * A write is acknowledged only when it will survive a crash: on a real MongoDB with write concern majority and
 * journal (unless the URI names its own {@code w} or {@code journal}); on the embedded server by a commit before
 * the answer of the request that wrote ({@link DurableAnswers}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
	static final String DEFAULT_DATABASE = "shisakunavi";

	@Bean
	EmbeddedMongo embeddedMongo(ShisakuProperties properties) {
		return properties.embeddedDatabase() ? EmbeddedMongo.start(properties.dataDir(), properties.restoreFrom())
				: EmbeddedMongo.none();
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(ShisakuProperties properties, EmbeddedMongo embedded) {
		ConnectionString connection;
		if (embedded.running()) {
			connection = new ConnectionString(embedded.connectionString() + "/" + DEFAULT_DATABASE);
		}
		else {
			ConnectionString given = new ConnectionString(properties.mongodbUri());
			connection = given.getDatabase() != null ? given
					: new ConnectionString(withDatabase(properties.mongodbUri(), DEFAULT_DATABASE));
			log.info("Using MongoDB at {} (database {})", given.getHosts(), connection.getDatabase());
		}
		return () -> connection;
	}

	@Bean
	MongoClientSettingsBuilderCustomizer durableWrites(ShisakuProperties properties) {
		WriteConcern given = properties.embeddedDatabase() ? null
				: new ConnectionString(properties.mongodbUri()).getWriteConcern();
		return settings -> {
			settings.addCommandListener(new RequestWrites());
			if (!properties.embeddedDatabase() && given == null) {
				settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
			}
		};
	}

	private static String withDatabase(String uri, String database) {
		int query = uri.indexOf('?');
		String base = query < 0 ? uri : uri.substring(0, query);
		String options = query < 0 ? "" : uri.substring(query);
		String separator = base.matches("^mongodb(\\+srv)?://[^/]*$") ? "/" : "";
		return base + separator + database + options;
	}
}
