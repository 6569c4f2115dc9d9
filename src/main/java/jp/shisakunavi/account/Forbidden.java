package jp.shisakunavi.account;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in account may not do this; the message says why, in Japanese. Answered as 403 (JSON for the admin
 * API, a page in the console).
 */
public class Forbidden extends AccessDeniedException {

	/** The request attribute holding the refusal's reason when the console's refusal page is shown. */
	public static final String REASON_ATTRIBUTE = Forbidden.class.getName() + ".reason";

	public Forbidden(String reason) {
		super(reason);
	}
}
