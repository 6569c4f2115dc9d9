package jp.shisakunavi.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The permission checks pages and API endpoints make before they change anything: "may the signed-in account
 * edit 茅ヶ崎市?". Each {@code require…} returns the actor, or throws {@link Forbidden} with the reason.
 */
@Component
public class Permissions {

	/** The signed-in account of this request, if any. */
	public Optional<Actor> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof AccountAuthentication account ? Optional.of(account.actor()) : Optional.empty();
	}

	public Actor current() {
		return signedIn().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
	}

	public Actor requireEdit(String municipality) {
		return requireEditAll(municipality == null ? List.of() : List.of(municipality));
	}

	/** Every municipality given (none: content of no single city, which only unrestricted editors change). */
	public Actor requireEditAll(Collection<String> municipalities) {
		Actor actor = current();
		if (actor.role() != Role.ADMIN && actor.role() != Role.EDITOR) {
			throw new Forbidden(actor.role().label() + "のアカウントでは変更できません（変更は編集者と管理者の操作です）");
		}
		List<String> denied = municipalities.stream().filter(m -> !actor.mayEdit(m)).distinct().toList();
		if (municipalities.isEmpty() && !actor.mayEditEverywhere()) {
			throw new Forbidden("すべての自治体にかかわる変更は、自治体を限定されていない編集者と管理者だけができます（このアカウントは "
					+ String.join("・", actor.municipalities()) + " に限定されています）");
		}
		if (!denied.isEmpty()) {
			throw new Forbidden(String.join("・", denied) + " のデータを変更する権限がありません（このアカウントは "
					+ String.join("・", actor.municipalities()) + " に限定されています）");
		}
		return actor;
	}

	public Actor requireEditEverywhere() {
		return requireEditAll(List.of());
	}

	public Actor requireView(String municipality) {
		Actor actor = current();
		if (!actor.mayView(municipality)) {
			throw new Forbidden((municipality == null ? "このデータ" : municipality + " のデータ") + "を見る権限がありません");
		}
		return actor;
	}

	public Actor requireAccountAdministration() {
		Actor actor = current();
		if (!actor.mayManageAccounts()) {
			throw new Forbidden("アカウントの管理は管理者だけができます");
		}
		return actor;
	}
}
