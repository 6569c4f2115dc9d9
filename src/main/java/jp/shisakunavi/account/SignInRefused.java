package jp.shisakunavi.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before the password was checked, or after it was wrong; {@code reason} says which, and
 * {@code retryAfter} how long to wait (zero when waiting does not help).
 */
final class SignInRefused extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	enum Reason {
		/** Wrong user name or password. */
		WRONG,
		/** Too many failures just before: wait a little. */
		SLOW_DOWN,
		/** The account is locked after too many failures. */
		LOCKED,
		/** This client address failed too often. */
		ADDRESS,
		/** Too many sign-ins at once on this instance. */
		BUSY
	}

	private final Reason reason;
	private final Duration retryAfter;

	SignInRefused(Reason reason, Duration retryAfter) {
		super(reason.name());
		this.reason = reason;
		this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
	}

	static SignInRefused wrong() {
		return new SignInRefused(Reason.WRONG, Duration.ZERO);
	}

	Reason reason() {
		return reason;
	}

	/** Whole seconds to wait, at least one when waiting is the remedy. */
	long retryAfterSeconds() {
		return retryAfter.isZero() ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}
}
