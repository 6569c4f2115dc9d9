package jp.shisakunavi.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=…&limit=…&municipality=…}: the same answers the LINE conversation gives. Any text is
 * accepted as {@code q} (cut after 200 characters); a {@code limit} outside 1..50 is the caller's mistake (400).
 */
@RestController
class SearchController {

	static final int DEFAULT_LIMIT = 5;
	static final int MAX_LIMIT = 50;

	private final Search search;

	SearchController(Search search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	Answer search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "municipality", required = false) String municipality) {
		return search.answer(new Question(q, municipality, limit(limit)));
	}

	private static int limit(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException e) {
			// reported below with the same message as an out-of-range number
		}
		throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
	}
}
