package jp.shisakunavi.users;

import java.time.Instant;

/**
 * A person who talks to the bot, as everything else knows them.
 *
 * @param municipality the city they chose (by name, or by naming it in a question); null before they chose one
 * @param following whether they can be sent to: false after they blocked the account (LINE's unfollow), true
 *        again when they add it
 */
public record LineUser(LineUserId id, String municipality, boolean following, Instant createdAt, Instant updatedAt) {
}
