package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.faq.FaqImportChanged;
import jp.shisakunavi.faq.FaqImportPlan;
import jp.shisakunavi.faq.FaqImportRow;
import jp.shisakunavi.faq.FaqImports;
import jp.shisakunavi.faq.InvalidFaqImport;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * Import and export of the FAQ in the console. An uploaded file is read and previewed row by row (what each row
 * does, or why it cannot be taken); the rows wait in the editor's session until they confirm, and are then
 * stored whole or not at all — refused, with a fresh preview, if the entries changed meanwhile.
 */
@ConsoleController
@RequestMapping("/admin/faq")
class FaqTransferPages {

	private static final String PENDING = FaqTransferPages.class.getName() + ".pending";

	private final FaqImports imports;
	private final FaqVisibility visibility;
	private final FaqDownloads downloads;
	private final PlanCatalog catalog;

	FaqTransferPages(FaqImports imports, FaqVisibility visibility, FaqDownloads downloads, PlanCatalog catalog) {
		this.imports = imports;
		this.visibility = visibility;
		this.downloads = downloads;
		this.catalog = catalog;
	}

	@GetMapping("/import")
	String importPage(Model model) {
		visibility.requireEditor();
		return "admin/faq/import";
	}

	@PostMapping("/import")
	String preview(@RequestPart("file") MultipartFile file, HttpSession session, Model model) throws IOException {
		visibility.requireEditor();
		session.removeAttribute(PENDING);
		List<FaqImportRow> rows;
		try (InputStream content = file.getInputStream()) {
			rows = FaqUpload.read(file.getOriginalFilename(), content);
		}
		catch (UnreadableFile e) {
			model.addAttribute("unreadable", e.getMessage());
			model.addAttribute("filename", file.getOriginalFilename());
			return "admin/faq/import";
		}
		return previewed(new Pending(UUID.randomUUID().toString(), file.getOriginalFilename(), rows, imports.preview(rows)),
				session, model);
	}

	@PostMapping("/import/confirm")
	String confirm(@RequestParam String token, HttpSession session, Model model, RedirectAttributes redirect) {
		visibility.requireEditor();
		if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.token().equals(token)) {
			model.addAttribute("unreadable", "この確認の画面は古くなりました（別の取り込みを始めたか、サインインし直しました）。もう一度ファイルを選んでください");
			return "admin/faq/import";
		}
		try {
			FaqImportPlan plan = imports.apply(pending.rows(), pending.plan(), "ファイル「" + pending.filename() + "」");
			session.removeAttribute(PENDING);
			redirect.addFlashAttribute("message", "「" + pending.filename() + "」を取り込みました（新規 " + plan.count(FaqImportPlan.Action.CREATE)
					+ " 件、更新 " + plan.count(FaqImportPlan.Action.UPDATE) + " 件、変更なし " + plan.count(FaqImportPlan.Action.UNCHANGED) + " 件）。");
			return "redirect:/admin/faq";
		}
		catch (FaqImportChanged e) {
			model.addAttribute("changed", e.getMessage());
			return previewed(pending.with(e.plan()), session, model);
		}
		catch (InvalidFaqImport e) {
			return previewed(pending.with(e.plan()), session, model);
		}
	}

	@GetMapping("/export")
	String exportPage(Model model) {
		Actor actor = visibility.requireReader();
		model.addAttribute("municipalities", catalog.municipalities().stream().filter(actor::mayView).toList());
		return "admin/faq/export";
	}

	@GetMapping("/export/download")
	void download(@RequestParam String format, @RequestParam(required = false) String municipality,
			HttpServletResponse response) throws IOException {
		downloads.send(FaqExport.named(format), municipality, response);
	}

	private String previewed(Pending pending, HttpSession session, Model model) {
		session.setAttribute(PENDING, pending);
		model.addAttribute("pending", pending);
		model.addAttribute("plan", pending.plan());
		return "admin/faq/import-preview";
	}

	/** An upload waiting for the editor's confirmation, with the preview they were shown. */
	record Pending(String token, String filename, List<FaqImportRow> rows, FaqImportPlan plan) {

		Pending with(FaqImportPlan now) {
			return new Pending(UUID.randomUUID().toString(), filename, rows, now);
		}
	}
}
