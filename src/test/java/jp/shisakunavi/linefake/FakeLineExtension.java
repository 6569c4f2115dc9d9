package jp.shisakunavi.linefake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fake LINE for one test class ({@code @RegisterExtension static final FakeLineExtension fake}): it runs from
 * the class's start, forgets everything before each test, checks after each that every request was one LINE
 * would accept, and stops after the class.
 */
public final class FakeLineExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private final FakeLine line = FakeLine.start();

	public FakeLine line() {
		return line;
	}

	/** Points the service at this fake LINE, with the channel secret that {@code secret} signs webhooks with. */
	public void channel(DynamicPropertyRegistry registry, String secret) {
		registry.add("line.bot.channel-secret", () -> secret);
		registry.add("line.bot.channel-token", () -> "test-channel-token");
		registry.add("line.bot.api-end-point", line::baseUrl);
		registry.add("line.bot.blob-end-point", line::baseUrl);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		line.reset();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		assertThat(line.violations()).isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		line.close();
	}
}
