package jp.shisakunavi.faq;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The FAQ entries as open data. */
@RestController
class FaqController {

	private final FaqEntries entries;

	FaqController(FaqEntries entries) {
		this.entries = entries;
	}

	@GetMapping("/api/faq")
	List<FaqEntry> faq() {
		return entries.all();
	}
}
