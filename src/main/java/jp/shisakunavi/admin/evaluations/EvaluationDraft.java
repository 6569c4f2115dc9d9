package jp.shisakunavi.admin.evaluations;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.IntakeResult;

/**
 * An uploaded file of evaluations as the editor saw it in the preview, kept until they confirm it: the confirmation
 * applies these rows, only if they still do what the preview showed, and only once.
 *
 * @param preview what the rows would do when the editor was shown them
 * @param result what the intake answered, once applied
 * @param claimedAt when a confirmation began to apply it (state APPLYING)
 */
@Document("evaluation_drafts")
record EvaluationDraft(@Id String id, String accountId, String filename, List<EvaluationRow> rows,
		List<String> municipalities, IntakeResult preview, State state, IntakeResult result, Instant createdAt,
		Instant claimedAt) {

	enum State {
		PREVIEWED, APPLYING, APPLIED
	}

	/** The key under which the intake takes this draft: sending it again applies nothing twice. */
	String idempotencyKey() {
		return "console-evaluations-" + id;
	}
}
