package jp.shisakunavi.admin.faq;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import jp.shisakunavi.faq.FaqDraft;
import jp.shisakunavi.faq.FaqEditConflict;
import jp.shisakunavi.faq.FaqEditor;
import jp.shisakunavi.faq.FaqEntryGone;
import jp.shisakunavi.faq.FaqFilter;
import jp.shisakunavi.faq.FaqImportChanged;
import jp.shisakunavi.faq.FaqImportPlan;
import jp.shisakunavi.faq.FaqImportRow;
import jp.shisakunavi.faq.FaqImports;
import jp.shisakunavi.faq.FaqRecord;
import jp.shisakunavi.faq.FaqVersion;
import jp.shisakunavi.faq.InvalidFaq;
import jp.shisakunavi.faq.InvalidFaqImport;

/**
 * The FAQ for scripts, with an API token: the same operations as the console's pages, the same checks (role,
 * municipalities, validation in Japanese, the version the caller read) and the same audit log. Entries are named
 * by {@code id} as a parameter, since ids hold slashes ({@code tajimi/rating/a}).
 */
@RestController
@RequestMapping("/admin/api/faq")
class FaqApi {

	private final FaqEditor editor;
	private final FaqVisibility visibility;
	private final FaqTrials trials;
	private final FaqImports imports;
	private final FaqDownloads downloads;

	FaqApi(FaqEditor editor, FaqVisibility visibility, FaqTrials trials, FaqImports imports, FaqDownloads downloads) {
		this.editor = editor;
		this.visibility = visibility;
		this.trials = trials;
		this.imports = imports;
		this.downloads = downloads;
	}

	@GetMapping
	List<FaqRecord> list(@ModelAttribute FaqFilter filter) {
		return visibility.find(filter);
	}

	@PostMapping
	ResponseEntity<FaqRecord> create(@RequestBody FaqDraft draft) {
		FaqRecord created = editor.create(draft);
		URI location = UriComponentsBuilder.fromPath("/admin/api/faq/entry").queryParam("id", created.id()).build().toUri();
		return ResponseEntity.created(location).body(created);
	}

	@GetMapping("/entry")
	EntryJson entry(@RequestParam String id) {
		FaqRecord record = visibility.existing(id);
		return new EntryJson(record, editor.history(id));
	}

	@PutMapping("/entry")
	FaqRecord update(@RequestParam String id, @RequestParam long version, @RequestBody FaqDraft draft) {
		return editor.update(id, version, draft);
	}

	@DeleteMapping("/entry")
	FaqRecord delete(@RequestParam String id, @RequestParam long version) {
		return editor.delete(id, version);
	}

	@PostMapping("/entry/alternates")
	FaqRecord addAlternates(@RequestParam String id, @RequestParam long version, @RequestBody List<String> phrasings) {
		return editor.addAlternates(id, version, phrasings);
	}

	@PostMapping("/entry/restore")
	FaqRecord restore(@RequestParam String id, @RequestParam long version, @RequestParam long number) {
		return editor.restore(id, version, number);
	}

	@PostMapping("/entry/keep")
	FaqRecord keepConsoleVersion(@RequestParam String id, @RequestParam long version) {
		return editor.keepConsoleVersion(id, version);
	}

	@PostMapping("/entry/take-file")
	FaqRecord takeFileVersion(@RequestParam String id, @RequestParam long version) {
		return editor.takeFileVersion(id, version);
	}

	/** What the bot would answer: against the saved entries, or with {@code draft} saved as entry {@code id}. */
	@PostMapping("/try")
	TrialAnswer tryQuestion(@RequestBody TryJson request) {
		visibility.requireReader();
		if (request.question() == null || request.question().isBlank()) {
			throw new IllegalArgumentException("試す質問を入れてください");
		}
		return request.draft() == null ? trials.saved(request.question(), request.municipality(), request.id())
				: trials.draft(request.question(), request.municipality(), request.id(), request.draft());
	}

	/**
	 * Imports a file (a zipped {@code faq/} folder, CSV or Excel): every row or none; with {@code preview=true}
	 * only what it would do. A refused import is a 400 with every row's reasons.
	 */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	FaqImportPlan importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean preview)
			throws IOException {
		visibility.requireEditor();
		List<FaqImportRow> rows;
		try (InputStream content = file.getInputStream()) {
			rows = FaqUpload.read(file.getOriginalFilename(), content);
		}
		return preview ? imports.preview(rows) : imports.apply(rows, null, "API でファイル「" + file.getOriginalFilename() + "」");
	}

	/** The entries as a file: {@code format} zip, csv, csv-sjis, xlsx or open-data; optionally of one municipality. */
	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "zip") String format, @RequestParam(required = false) String municipality,
			HttpServletResponse response) throws IOException {
		downloads.send(FaqExport.named(format), municipality, response);
	}

	@ExceptionHandler(InvalidFaqImport.class)
	ProblemDetail invalidImport(InvalidFaqImport e) {
		return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "plan", e.plan());
	}

	@ExceptionHandler(FaqImportChanged.class)
	ProblemDetail importChanged(FaqImportChanged e) {
		return problem(HttpStatus.CONFLICT, e.getMessage(), "plan", e.plan());
	}

	@ExceptionHandler(InvalidFaq.class)
	ProblemDetail invalid(InvalidFaq e) {
		return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "errors", e.problems());
	}

	@ExceptionHandler(FaqEditConflict.class)
	ProblemDetail conflict(FaqEditConflict e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setProperty("current", e.current());
		problem.setProperty("seenVersion", e.seenVersion());
		return problem;
	}

	@ExceptionHandler(FaqEntryGone.class)
	ProblemDetail gone(FaqEntryGone e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "JSON として読めません。FAQ の内容は "
				+ "{\"question\": …, \"alternates\": […], \"answer\": …, \"municipality\": …} の形で送ってください");
	}

	private static ProblemDetail problem(HttpStatus status, String detail, String property, Object value) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty(property, value);
		return problem;
	}

	record EntryJson(FaqRecord entry, List<FaqVersion> versions) {
	}

	/** A question to try; with {@code draft}, against the index with the draft as entry {@code id} (null: new). */
	record TryJson(String question, String municipality, String id, FaqDraft draft) {
	}
}
