package jp.shisakunavi.admin;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Passwords;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.console.ConsoleController;

/** The signed-in user changes their own password (and must, after an administrator reset it). */
@ConsoleController
@RequestMapping("/admin/password")
class PasswordPage {

	private final Passwords passwords;
	private final Permissions permissions;

	PasswordPage(Passwords passwords, Permissions permissions) {
		this.passwords = passwords;
		this.permissions = permissions;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("required", passwords.mustChange(permissions.current().accountId()));
		return "admin/password";
	}

	@PostMapping
	String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
			@RequestParam(defaultValue = "") String confirmation, Model model) {
		Actor actor = permissions.current();
		try {
			if (!next.equals(confirmation)) {
				throw new IllegalArgumentException("新しいパスワードが確認の欄と一致しません");
			}
			passwords.change(actor.accountId(), current, next);
			return "redirect:/admin/password?changed";
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("required", passwords.mustChange(actor.accountId()));
			return "admin/password";
		}
	}
}
