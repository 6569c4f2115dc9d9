package jp.shisakunavi.staff;

/** What registering a LINE user with an invitation code gave: a staff member, or a refusal to tell them. */
public sealed interface Registration {

	/** Registered (again, for the same code sent twice by the same user: the same member). */
	record Registered(StaffMember member) implements Registration {
	}

	/** Not registered; {@code message} says why, in Japanese, for the LINE user. */
	record Refused(Reason reason, String message) implements Registration {
	}

	enum Reason {
		/** Not six digits. */
		NOT_A_CODE,
		/** No invitation has this code (mistyped). */
		UNKNOWN,
		EXPIRED,
		/** Used by someone else, or by this user for a registration revoked since. */
		USED,
		/** The invitation was revoked or re-issued. */
		REVOKED,
		/** Too many unknown codes from this user lately. */
		TOO_MANY_ATTEMPTS
	}
}
