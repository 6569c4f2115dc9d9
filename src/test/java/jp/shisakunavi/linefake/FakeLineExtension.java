package jp.shisakunavi.linefake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
