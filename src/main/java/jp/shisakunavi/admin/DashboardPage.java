package jp.shisakunavi.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jp.shisakunavi.account.Account;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.notify.DeliveryReport;
import jp.shisakunavi.notify.Notifications;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.plan.Rated;

/**
 * The console's first page: the plans of the account's municipalities with their measures and latest evaluated
 * year, the deliveries of the last seven days, and (for administrators) the accounts by role — figures read from
 * the data, nothing made up.
 */
@ConsoleController
class DashboardPage {

	static final Duration RECENT = Duration.ofDays(7);
	/** Deliveries read for the week's figures; a week has far fewer (announcements and rating changes). */
	private static final int RECENT_DELIVERIES = 200;

	private static final Map<String, String> STATE_LABELS = Map.of("PLANNED", "予定", "HELD", "送信時間待ち",
			"SENDING", "送信中", "SENT", "送信済み", "FAILED", "失敗あり", "CANCELLED", "取り消し", "PAUSED", "保留中");

	private final PlanCatalog catalog;
	private final Notifications deliveries;
	private final Accounts accounts;
	private final Permissions permissions;
	private final Clock clock;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage dashboardNavigation() {
		return new ConsolePage("ダッシュボード", "/admin/", 0, actor -> true);
	}

	DashboardPage(PlanCatalog catalog, Notifications deliveries, Accounts accounts, Permissions permissions, Clock clock) {
		this.catalog = catalog;
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.permissions = permissions;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String withoutSlash() {
		return "redirect:/admin/";
	}

	@GetMapping("/admin/")
	String dashboard(Model model) {
		Actor actor = permissions.current();
		PlanCatalog.Snapshot snapshot = catalog.snapshot();
		List<PlanRow> plans = snapshot.plans().stream()
			.filter(p -> actor.mayView(p.municipality()))
			.sorted(Comparator.comparing(Plan::municipality).thenComparing(Plan::id))
			.map(p -> PlanRow.of(p, snapshot.measuresOf(p.id())))
			.toList();
		model.addAttribute("plans", plans);
		if (actor.mayReadConsole()) {
			Instant since = clock.instant().minus(RECENT);
			List<DeliveryReport> week = deliveries.recent(RECENT_DELIVERIES).stream()
				.filter(d -> d.createdAt() != null && !d.createdAt().isBefore(since))
				.toList();
			Map<String, Integer> states = new TreeMap<>();
			week.forEach(d -> states.merge(STATE_LABELS.getOrDefault(d.state(), d.state()), 1, Integer::sum));
			model.addAttribute("deliveries", week.size());
			model.addAttribute("deliveryStates", states);
			model.addAttribute("recipientsSent", week.stream().mapToLong(DeliveryReport::recipientsSent).sum());
		}
		if (actor.mayManageAccounts()) {
			Map<Role, Integer> roles = new EnumMap<>(Role.class);
			accounts.all().stream().filter(a -> !a.revoked()).map(Account::role).forEach(r -> roles.merge(r, 1, Integer::sum));
			model.addAttribute("roles", roles);
		}
		return "admin/dashboard";
	}

	/**
	 * One plan's figures.
	 *
	 * @param units the rated units (measures without items, and items)
	 * @param latestYear the newest fiscal year any unit is rated for, as 令和N年度; null when none is
	 * @param ratedInLatestYear units with a rating of that year
	 */
	record PlanRow(String municipality, String title, int measures, int units, String latestYear, long ratedInLatestYear) {

		static PlanRow of(Plan plan, List<Measure> measures) {
			List<Rated> units = measures.stream().flatMap(Measure::ratedUnits).toList();
			OptionalInt latest = units.stream().map(Rated::latestFiscalYear).filter(OptionalInt::isPresent)
				.mapToInt(OptionalInt::getAsInt).max();
			long rated = latest.isEmpty() ? 0
					: units.stream().filter(u -> u.latestFiscalYear().orElse(0) == latest.getAsInt()).count();
			return new PlanRow(plan.municipality(), plan.title(), measures.size(), units.size(),
					latest.isPresent() ? FiscalYear.format(latest.getAsInt()) : null, rated);
		}
	}
}
