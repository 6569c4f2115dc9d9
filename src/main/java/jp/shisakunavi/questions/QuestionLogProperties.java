package jp.shisakunavi.questions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the question log behaves.
 *
 * @param salt the secret the askers' pseudonymous keys are made with (HMAC-SHA256), at least 16 characters; empty:
 *        one generated once and kept in the database, so that every instance and every restart uses the same
 * @param retention how long questions are kept; older ones are purged daily and at start
 * @param queueCapacity questions waiting to be written; beyond it a question is not logged (and counted)
 */
@ConfigurationProperties("shisaku.questions")
record QuestionLogProperties(String salt, Duration retention, Integer queueCapacity) {

	static final int MIN_SALT_LENGTH = 16;

	QuestionLogProperties {
		salt = salt == null || salt.isBlank() ? null : salt.strip();
		if (salt != null && salt.length() < MIN_SALT_LENGTH) {
			throw new IllegalArgumentException("QUESTION_LOG_SALT must be at least " + MIN_SALT_LENGTH
					+ " characters (or empty for one generated and kept in the database)");
		}
		retention = retention == null ? Duration.ofDays(90) : retention;
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("QUESTION_LOG_RETENTION must be positive, not " + retention);
		}
		queueCapacity = queueCapacity == null ? 10_000 : queueCapacity;
	}
}
