package jp.shisakunavi.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import jp.shisakunavi.ShisakuNaviApplication;

/** {@code --replay=} at start-up replays the history and leaves the service running. */
class ReplayCommandTest {

	@TempDir
	Path dataDir;

	@Test
	void theStartUpArgumentReplaysThePlans() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShisakuNaviApplication.class)
			.run("--server.port=0", "--shisaku.data-dir=" + dataDir, "--replay=chigasaki-1,tajimi-4")) {
			assertThat(context.isRunning()).isTrue();
			assertThat(context.getBean(MongoTemplate.class).count(new Query(), RatingChange.class)).isEqualTo(24 + 4);
		}
	}
}
