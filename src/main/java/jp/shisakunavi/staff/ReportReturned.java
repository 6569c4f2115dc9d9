package jp.shisakunavi.staff;

import java.time.Instant;

import jp.shisakunavi.users.LineUserId;

/**
 * A report was returned (差戻し) with a comment; the reporter is to be told, and may resubmit.
 *
 * @param reporter the LINE user who last saved or submitted it (null when it came from the web)
 * @param version the obligation's version after the return
 */
public record ReportReturned(String obligationId, String roundId, String municipality, String department,
		String unitId, String unitTitle, String comment, LineUserId reporter, String returnedBy, Instant at,
		long version) {
}
