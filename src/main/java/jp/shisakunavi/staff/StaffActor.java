package jp.shisakunavi.staff;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;

/**
 * Who acts on a report: a staff member in LINE, or an account signed in to the web (a 職員 account, an editor or
 * an administrator). Exactly one of {@code member} and {@code account} is set.
 */
public record StaffActor(StaffMember member, Actor account) {

	public StaffActor {
		if ((member == null) == (account == null)) {
			throw new IllegalArgumentException("a staff actor is a member or an account");
		}
	}

	public static StaffActor of(StaffMember member) {
		return new StaffActor(member, null);
	}

	public static StaffActor of(Actor account) {
		return new StaffActor(null, account);
	}

	/** How the history names them: {@code staff:<member id>} or the account's user name. */
	public String id() {
		return member != null ? "staff:" + member.id() : account.username();
	}

	public String name() {
		if (member != null) {
			return member.name().isEmpty() ? String.join("・", member.departments()) + " " + member.role().label()
					: member.name();
		}
		return account.name() == null || account.name().isBlank() ? account.username() : account.name();
	}

	/** The staff role, for members and 職員 accounts; null for editors and administrators. */
	StaffRole staffRole() {
		if (member != null) {
			return member.role();
		}
		return account.role() == Role.STAFF ? account.staffRole() : null;
	}
}
