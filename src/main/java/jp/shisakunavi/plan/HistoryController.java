package jp.shisakunavi.plan;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public version history of a measure or item: its recorded rating changes, oldest first. */
@RestController
class HistoryController {

	private static final int MAX_ID_LENGTH = 100;

	private final PlanCatalog catalog;
	private final RatingChanges changes;

	HistoryController(PlanCatalog catalog, RatingChanges changes) {
		this.catalog = catalog;
		this.changes = changes;
	}

	@GetMapping("/api/measures/{id}/history")
	List<HistoryEntry> history(@PathVariable String id) {
		if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
			throw new IllegalArgumentException("Not a measure id: '" + id + "'");
		}
		if (catalog.measureHolding(id).isEmpty()) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No measure or item with id '" + id + "'"),
					null);
		}
		return changes.history(id).stream().map(HistoryEntry::of).toList();
	}

	/** One change as the public sees it (without the delivery bookkeeping). */
	record HistoryEntry(String id, RatingChange.Kind kind, String measureId, String unitId, String unitTitle,
			String department, int fiscalYear, String fiscalYearLabel, String oldRating, String oldMeaning,
			String newRating, String newMeaning, String comment, Instant recordedAt) {

		static HistoryEntry of(RatingChange change) {
			return new HistoryEntry(change.id(), change.kind(), change.measureId(), change.unitId(),
					change.unitTitle(), change.department(), change.fiscalYear(), FiscalYear.format(change.fiscalYear()),
					change.oldRating(), change.oldMeaning(), change.newRating(), change.newMeaning(), change.comment(),
					change.recordedAt());
		}
	}
}
