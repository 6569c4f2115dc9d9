package jp.shisakunavi.line;

/**
 * What a user did, independent of how it reached us (LINE's webhook or the simulator).
 *
 * @param userId LINE user id (personal data: never logged in full)
 * @param text the message text or, for a postback, its data
 */
record Incoming(Kind kind, String userId, String text) {

	enum Kind {
		TEXT, POSTBACK, FOLLOW, UNFOLLOW, JOIN, OTHER_MESSAGE
	}
}
