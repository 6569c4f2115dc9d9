package jp.shisakunavi.staff;

import jp.shisakunavi.users.LineUserId;

/**
 * A staff member was revoked (by an administrator, or replaced by a newer registration of the same LINE user):
 * they get nothing more as staff (e.g. the staff rich menu is unlinked). {@code stillStaff} is true when the same
 * LINE user holds a newer registration.
 */
public record StaffRevoked(String memberId, LineUserId lineUser, boolean stillStaff) {
}
