package jp.shisakunavi.line;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;

import echo.EchoSample;

/**
 * The webhook benchmark run against LINE's echo sample instead of the service, on the same machine, load
 * generator and fake LINE: {@code ./mvnw -B test -Dtest=EchoBenchmark -Dbenchmark}. The throughput target
 * is a share of what this measures.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
@SpringBootTest(classes = EchoSample.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "line.bot.handler.enabled=true", "spring.threads.virtual.enabled=false" })
class EchoBenchmark extends WebhookBenchmark {
}
