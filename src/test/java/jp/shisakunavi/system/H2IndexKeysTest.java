package jp.shisakunavi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The faster index keys read and write the same files as mongo-java-server's own H2 backend. */
class H2IndexKeysTest {

	@TempDir
	Path dir;

	@Test
	void filesOfTheStockBackendAreReadAndExtendedAndReadBackByIt() {
		String file = dir.resolve("db.mv.db").toString();
		with(new H2Backend(file), events -> {
			events.createIndex(Indexes.ascending("user"), new IndexOptions().unique(true));
			IntStream.range(0, 2000).forEach(i -> events.insertOne(new Document("_id", "event-" + i).append("user", "U" + i)));
		});
		with(new H2IndexKeys.Backend(file), events -> {
			IntStream.range(0, 2000).forEach(i -> assertThat(events.find(new Document("_id", "event-" + i)).first())
				.containsEntry("user", "U" + i));
			assertThatThrownBy(() -> events.insertOne(new Document("_id", "event-7"))).isInstanceOf(MongoWriteException.class);
			assertThatThrownBy(() -> events.insertOne(new Document("_id", "new").append("user", "U7")))
				.isInstanceOf(MongoWriteException.class);
			IntStream.range(2000, 3000).forEach(i -> events.insertOne(new Document("_id", "event-" + i).append("user", "U" + i)));
		});
		with(new H2Backend(file), events -> {
			assertThat(events.countDocuments()).isEqualTo(3000);
			IntStream.range(0, 3000).forEach(i -> assertThat(events.find(new Document("user", "U" + i)).first())
				.containsEntry("_id", "event-" + i));
			assertThatThrownBy(() -> events.insertOne(new Document("_id", "event-2500"))).isInstanceOf(MongoWriteException.class);
		});
	}

	private static void with(H2Backend backend, Consumer<MongoCollection<Document>> work) {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			work.accept(client.getDatabase("test").getCollection("events"));
		}
		finally {
			server.shutdown();
		}
	}
}
