package jp.shisakunavi.console;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Permissions;

/** What every console page's layout shows: who is signed in and the navigation that account may use. */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleLayout {

	private final Permissions permissions;
	private final List<ConsolePage> pages;

	ConsoleLayout(Permissions permissions, List<ConsolePage> pages) {
		this.permissions = permissions;
		this.pages = pages.stream().sorted(Comparator.comparingInt(ConsolePage::order)).toList();
	}

	@ModelAttribute("actor")
	Actor actor() {
		return permissions.signedIn().orElse(null);
	}

	@ModelAttribute("navigation")
	List<NavigationEntry> navigation(HttpServletRequest request) {
		Actor actor = permissions.signedIn().orElse(null);
		if (actor == null) {
			return List.of();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return pages.stream().filter(p -> p.shownTo().test(actor))
			.map(p -> new NavigationEntry(p.label(), p.path(), p.covers(path)))
			.toList();
	}

	record NavigationEntry(String label, String path, boolean current) {
	}
}
