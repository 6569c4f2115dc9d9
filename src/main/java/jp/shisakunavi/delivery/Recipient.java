package jp.shisakunavi.delivery;

import java.util.Objects;

import jp.shisakunavi.users.LineUserId;

/**
 * A user a delivery reaches, and the group whose message they get: recipients of one group get the same message,
 * which the client renders once per group ({@link DeliveryClient#render}). The group is the client's own words
 * (e.g. the ids of the changes a citizen follows, or a staff member's department); the same group always renders
 * the same message.
 */
public record Recipient(LineUserId userId, String group) {

	public Recipient {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(group, "group");
	}
}
