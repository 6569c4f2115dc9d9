package jp.shisakunavi.console;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;

/** The sign-in page, which says why the last attempt was refused and how long to wait, and the refusal page. */
@ConsoleController
@RequestMapping("/admin")
class SignInController {

	private final Permissions permissions;

	SignInController(Permissions permissions) {
		this.permissions = permissions;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long seconds,
			@RequestParam(required = false) String signedOut, Model model) {
		if (permissions.signedIn().isPresent()) {
			return "redirect:/admin/";
		}
		model.addAttribute("message", error == null ? null : SignInMessage.of(error, seconds == null ? 0 : seconds));
		model.addAttribute("signedOut", signedOut != null);
		return "console/login";
	}

	@RequestMapping("/denied")
	String denied(HttpServletRequest request, Model model) {
		Object reason = request.getAttribute(Forbidden.REASON_ATTRIBUTE);
		model.addAttribute("reason", reason == null ? "このページを開く権限がありません" : reason);
		return "console/denied";
	}
}
