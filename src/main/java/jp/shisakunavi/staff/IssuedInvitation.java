package jp.shisakunavi.staff;

/**
 * A newly issued invitation with its code, shown this once.
 *
 * @param message what the staff member sends in LINE: 「職員登録 123456」
 * @param link a LINE link that opens the chat with the message typed in, when the account's basic id is
 *        configured (null otherwise)
 */
public record IssuedInvitation(Invitation invitation, String code, String message, String link) {
}
