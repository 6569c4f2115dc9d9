package jp.shisakunavi.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.ApiToken;
import jp.shisakunavi.account.ApiTokens;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.IssuedToken;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;

/**
 * Each account's own API tokens for the admin API: issue one (its secret shown once), see when each was last
 * used, revoke. Administrators also revoke other accounts' tokens from the account's page.
 */
@ConsoleController
@RequestMapping("/admin/tokens")
class TokensPage {

	private final ApiTokens tokens;
	private final Permissions permissions;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage tokensNavigation() {
		return new ConsolePage("API トークン", "/admin/tokens", 910, Actor::mayReadConsole);
	}

	TokensPage(ApiTokens tokens, Permissions permissions) {
		this.tokens = tokens;
		this.permissions = permissions;
	}

	@GetMapping
	String list(Model model) {
		return page(permissions.current(), model);
	}

	@PostMapping
	String issue(@RequestParam(defaultValue = "") String name, Model model) {
		Actor actor = permissions.current();
		try {
			IssuedToken issued = tokens.issue(actor.accountId(), name);
			model.addAttribute("issued", issued);
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(actor, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String id) {
		Actor actor = permissions.current();
		ApiToken token = tokens.find(id).orElseThrow(() -> new IllegalArgumentException("そのトークンはありません"));
		boolean own = token.accountId().equals(actor.accountId());
		if (!own && !actor.mayManageAccounts()) {
			throw new Forbidden("ほかのアカウントのトークンを無効にできるのは管理者だけです");
		}
		tokens.revoke(id);
		return own ? "redirect:/admin/tokens?revoked" : "redirect:/admin/accounts/" + token.accountId();
	}

	private String page(Actor actor, Model model) {
		model.addAttribute("tokens", tokens.ofAccount(actor.accountId()));
		return "admin/tokens";
	}
}
