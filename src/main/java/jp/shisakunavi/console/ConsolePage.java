package jp.shisakunavi.console;

import java.util.function.Predicate;

import jp.shisakunavi.account.Actor;

/**
 * One entry of the console's navigation, declared as a bean beside the page's controller:
 * {@code @Bean static ConsolePage faqNavigation() { return new ConsolePage("FAQ", "/admin/faq", 20, Actor::mayReadConsole); }}.
 * Entries appear in {@code order} and only to the accounts {@code shownTo} accepts.
 */
public record ConsolePage(String label, String path, int order, Predicate<Actor> shownTo) {

	/** The entry is the current one for this path (the dashboard only for itself). */
	boolean covers(String requestPath) {
		return path.endsWith("/") ? requestPath.equals(path) : requestPath.equals(path) || requestPath.startsWith(path + "/");
	}
}
