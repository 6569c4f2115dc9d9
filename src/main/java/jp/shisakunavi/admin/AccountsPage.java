package jp.shisakunavi.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Account;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.ApiTokens;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * Administrators manage accounts: list, create (with a password shown once), change role, municipalities and
 * staff fields, reset the password, unlock, revoke. Every change goes through {@link Accounts}, which checks it
 * and writes the audit log.
 */
@ConsoleController
@RequestMapping("/admin/accounts")
class AccountsPage {

	private final Accounts accounts;
	private final ApiTokens tokens;
	private final Permissions permissions;
	private final PlanCatalog catalog;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage accountsNavigation() {
		return new ConsolePage("アカウント", "/admin/accounts", 900, Actor::mayManageAccounts);
	}

	AccountsPage(Accounts accounts, ApiTokens tokens, Permissions permissions, PlanCatalog catalog) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.permissions = permissions;
		this.catalog = catalog;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("staffRoles", StaffRole.values());
		model.addAttribute("municipalityChoices", catalog.municipalities());
	}

	@GetMapping
	String list(Model model) {
		permissions.requireAccountAdministration();
		List<Account> all = accounts.all();
		Map<String, Object> locked = new LinkedHashMap<>();
		all.forEach(a -> accounts.lockedUntil(a.id()).ifPresent(until -> locked.put(a.id(), until)));
		model.addAttribute("accounts", all);
		model.addAttribute("locked", locked);
		return "admin/accounts";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		permissions.requireAccountAdministration();
		model.addAttribute("form", AccountForm.EMPTY);
		return "admin/account-new";
	}

	@PostMapping
	String create(@ModelAttribute("form") AccountForm form, Model model) {
		permissions.requireAccountAdministration();
		try {
			Accounts.InitialPassword created = accounts.createWithInitialPassword(form.username(), form.draft(null));
			model.addAttribute("account", created.account());
			model.addAttribute("password", created.password());
			model.addAttribute("created", true);
			return "admin/password-issued";
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
			return "admin/account-new";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model) {
		permissions.requireAccountAdministration();
		Account account = accounts.existing(id);
		model.addAttribute("form", AccountForm.of(account));
		return editPage(account, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") AccountForm form, Model model) {
		permissions.requireAccountAdministration();
		Account account = accounts.existing(id);
		try {
			accounts.update(id, form.version() == null ? -1 : form.version(), form.draft(account.lineUserId()));
			return "redirect:/admin/accounts/" + id + "?saved";
		}
		catch (IllegalArgumentException | OptimisticLockingFailureException e) {
			model.addAttribute("error", e.getMessage());
			return editPage(accounts.existing(id), model);
		}
	}

	@PostMapping("/{id}/reset")
	String reset(@PathVariable String id, Model model) {
		permissions.requireAccountAdministration();
		model.addAttribute("password", accounts.resetPassword(id));
		model.addAttribute("account", accounts.existing(id));
		model.addAttribute("created", false);
		return "admin/password-issued";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable String id) {
		permissions.requireAccountAdministration();
		accounts.unlock(id);
		return "redirect:/admin/accounts/" + id + "?unlocked";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String id, Model model) {
		permissions.requireAccountAdministration();
		try {
			accounts.revoke(id);
			return "redirect:/admin/accounts/" + id + "?revoked";
		}
		catch (IllegalArgumentException e) {
			Account account = accounts.existing(id);
			model.addAttribute("form", AccountForm.of(account));
			model.addAttribute("error", e.getMessage());
			return editPage(account, model);
		}
	}

	private String editPage(Account account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("lockedUntil", accounts.lockedUntil(account.id()).orElse(null));
		model.addAttribute("tokens", tokens.ofAccount(account.id()));
		return "admin/account-edit";
	}
}
