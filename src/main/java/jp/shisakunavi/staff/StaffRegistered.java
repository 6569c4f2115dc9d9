package jp.shisakunavi.staff;

import jp.shisakunavi.users.LineUserId;

/** A LINE user became staff (e.g. to link the staff rich menu to them). */
public record StaffRegistered(String memberId, LineUserId lineUser) {
}
