package jp.shisakunavi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jp.shisakunavi.AdminApi;

/** With a MongoDB URI the service uses that server and starts no embedded one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalMongoTest {

	static final MongoServer server = new MongoServer(new MemoryBackend());

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		InetSocketAddress address = server.bind();
		registry.add("shisaku.mongodb-uri", () -> "mongodb://127.0.0.1:" + address.getPort() + "/navi-test");
		registry.add("shisaku.data-dir", () -> dataDir.toString());
		AdminApi.credentials(registry);
	}

	@AfterAll
	static void stop() {
		server.shutdown();
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	EmbeddedMongo embedded;

	@Test
	void storesTheDataOnTheGivenServer() {
		assertThat(embedded.running()).isFalse();
		JsonNode health = AdminApi.admin(http).getForObject("/actuator/health", JsonNode.class);
		assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/mongo/details/server").asText()).isEqualTo("external");
		assertThat(health.at("/components/mongo/details/database").asText()).isEqualTo("navi-test");
		assertThat(http.getForObject("/api/plans", JsonNode.class)).isNotEmpty();
		assertThat(Files.exists(dataDir.resolve("shisakunavi.mv.db"))).isFalse();
	}
}
