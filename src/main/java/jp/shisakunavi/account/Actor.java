package jp.shisakunavi.account;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import jp.shisakunavi.plan.MunicipalityName;

/**
 * The signed-in account as the permission checks see it, read fresh from the database for every request (a
 * changed role or a revocation applies at once). Municipalities are compared as people write them (茅ケ崎市 is
 * 茅ヶ崎市).
 *
 * @param municipalities the municipalities the account is limited to; empty: all
 */
public record Actor(String accountId, String username, String name, Role role, List<String> municipalities,
		List<String> departments, StaffRole staffRole) implements Serializable {

	public Actor {
		municipalities = List.copyOf(municipalities);
		departments = List.copyOf(departments);
	}

	static Actor of(Account account) {
		return new Actor(account.id(), account.username(), account.name(), account.role(), account.municipalities(),
				account.departments(), account.staffRole());
	}

	/** Limited to some municipalities (an unrestricted account may act on all, and on what belongs to none). */
	public boolean limited() {
		return !municipalities.isEmpty();
	}

	/** May read this municipality's data in the console and the admin API (null: data of no single city). */
	public boolean mayView(String municipality) {
		return role != Role.STAFF ? covers(municipality) : municipality != null && covers(municipality);
	}

	/** May change this municipality's FAQ, plan data, evaluations and announcements (null: common content). */
	public boolean mayEdit(String municipality) {
		return (role == Role.ADMIN || role == Role.EDITOR) && covers(municipality);
	}

	/** May change all of them: {@link #mayEdit} for every one given (none given: content of no single city). */
	public boolean mayEditAll(Collection<String> municipalities) {
		return municipalities.isEmpty() ? mayEdit(null) : municipalities.stream().allMatch(this::mayEdit);
	}

	/** May change what concerns every city at once (an announcement to everyone, the LINE quota). */
	public boolean mayEditEverywhere() {
		return mayEdit(null);
	}

	/** May create, change, unlock and revoke accounts and read the audit log. */
	public boolean mayManageAccounts() {
		return role == Role.ADMIN;
	}

	/** May read the console's data pages (everyone but staff, who have their own pages). */
	public boolean mayReadConsole() {
		return role != Role.STAFF;
	}

	/**
	 * May report the progress of a unit of this municipality and department: its own department's staff, the
	 * city's coordinating department, and editors of the city.
	 */
	public boolean mayReport(String municipality, String department) {
		if (role == Role.STAFF) {
			return municipality != null && covers(municipality)
					&& (staffRole == StaffRole.COORDINATOR || departments.contains(department));
		}
		return mayEdit(municipality);
	}

	/** May approve or return the city's reports: its coordinating department and its editors. */
	public boolean mayReview(String municipality) {
		if (role == Role.STAFF) {
			return staffRole == StaffRole.COORDINATOR && municipality != null && covers(municipality);
		}
		return mayEdit(municipality);
	}

	private boolean covers(String municipality) {
		if (municipalities.isEmpty()) {
			return true;
		}
		return municipality != null && municipalities.stream().anyMatch(m -> MunicipalityName.key(m).equals(MunicipalityName.key(municipality)));
	}
}
