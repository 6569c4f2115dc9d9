package jp.shisakunavi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.AdminApi;

/**
 * A backup taken while the service runs and takes evaluations, restored into a fresh data folder, holds exactly
 * the data of the moment of the backup.
 */
class BackupRestoreTest {

	static final List<String> DATA = List.of("plans", "measures", "rating_changes", "evaluation_requests");

	@TempDir
	Path dir;

	@Test
	void aRestoredBackupHoldsTheDataOfTheBackup() throws Exception {
		Path backup = dir.resolve("backup.mv.db");
		Map<String, List<Document>> atBackup;
		try (ConfigurableApplicationContext service = start(dir.resolve("live"), null)) {
			TestRestTemplate admin = admin(service);
			evaluate(admin, "A");
			ResponseEntity<byte[]> copy = admin.postForEntity("/admin/api/backup", null, byte[].class);
			assertThat(copy.getStatusCode()).as(new String(copy.getBody() == null ? new byte[0] : copy.getBody())).isEqualTo(HttpStatus.OK);
			atBackup = data(service);
			Files.write(backup, copy.getBody());
			evaluate(admin, "C");
			assertThat(data(service)).isNotEqualTo(atBackup);
		}

		try (ConfigurableApplicationContext restored = start(dir.resolve("restored"), backup)) {
			assertThat(data(restored)).isEqualTo(atBackup);
		}
	}

	private static void evaluate(TestRestTemplate admin, String rating) {
		ResponseEntity<String> answer = admin.postForEntity("/admin/api/evaluations", List.of(Map.of(
				"municipality", "多治見市", "measureId", "tajimi-4-1-01", "fiscalYear", "令和5年度", "rating", rating)),
				String.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static Map<String, List<Document>> data(ConfigurableApplicationContext service) {
		MongoTemplate mongo = service.getBean(MongoTemplate.class);
		Map<String, List<Document>> data = new TreeMap<>();
		DATA.forEach(name -> data.put(name, mongo.getCollection(name).find().sort(new Document("_id", 1))
			.into(new ArrayList<>())));
		return data;
	}

	private static ConfigurableApplicationContext start(Path dataDir, Path restoreFrom) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--shisaku.data-dir=" + dataDir,
				"--shisaku.admin.password=" + AdminApi.PASSWORD, "--shisaku.admin.api-token=" + AdminApi.TOKEN));
		if (restoreFrom != null) {
			arguments.add("--shisaku.restore-from=" + restoreFrom);
		}
		return new SpringApplicationBuilder(ShisakuNaviApplication.class).run(arguments.toArray(String[]::new));
	}

	private static TestRestTemplate admin(ConfigurableApplicationContext service) {
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		return AdminApi.admin(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
	}
}
