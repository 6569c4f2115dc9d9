package jp.shisakunavi.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Account;
import jp.shisakunavi.account.Accounts;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditFilter;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * The audit log for administrators: filter by account, action, municipality, text and days; the filtered entries
 * as CSV. With htmx the table follows the filters as they change (only the table is sent back).
 */
@ConsoleController
@RequestMapping("/admin/audit")
class AuditPage {

	private final AuditLog audit;
	private final Accounts accounts;
	private final PlanCatalog catalog;
	private final Permissions permissions;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage auditNavigation() {
		return new ConsolePage("操作履歴", "/admin/audit", 920, Actor::mayManageAccounts);
	}

	AuditPage(AuditLog audit, Accounts accounts, PlanCatalog catalog, Permissions permissions) {
		this.audit = audit;
		this.accounts = accounts;
		this.catalog = catalog;
		this.permissions = permissions;
	}

	@GetMapping
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		permissions.requireAccountAdministration();
		model.addAttribute("result", audit.find(filter, page));
		model.addAttribute("actions", audit.actions());
		model.addAttribute("actors", accounts.all().stream().map(Account::username).toList());
		model.addAttribute("municipalityChoices", catalog.municipalities());
		return htmx != null ? "admin/audit :: entries" : "admin/audit";
	}

	@GetMapping(path = "/export", produces = "text/csv")
	void export(@ModelAttribute AuditFilter filter, HttpServletResponse response) throws IOException {
		permissions.requireAccountAdministration();
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			audit.writeCsv(filter, out);
		}
	}
}
