package jp.shisakunavi.plan;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One request of evaluations, recorded whole before anything of it is written: what it will write, the changes
 * it records and the answer it gives. Applying it again writes the same values and records the same changes, so
 * a request interrupted by a crash is finished at the next start, and a redelivered request (the same
 * {@code Idempotency-Key}) gets the first answer instead of being applied twice.
 *
 * @param id the client's idempotency key, or a random id
 * @param fingerprint a hash of the rows and options, to tell a redelivery from another request under the same key
 * @param writes the evaluation to store per unit and fiscal year (and department), with the texts it keeps
 * @param changes the rating changes the request records, in the order of its rows
 * @param result the answer
 * @param done false while its writes may be incomplete
 */
@Document("evaluation_requests")
record EvaluationRequest(@Id String id, String fingerprint, boolean urgent, Instant receivedAt, List<Write> writes,
		List<RatingChange> changes, IntakeResult result, boolean done) {

	EvaluationRequest {
		writes = Lists.orEmpty(writes);
		changes = Lists.orEmpty(changes);
	}

	/** The evaluation that replaces the one of its fiscal year (and department) on one unit of a measure. */
	record Write(String measureId, String unitId, Evaluation evaluation) {
	}
}
