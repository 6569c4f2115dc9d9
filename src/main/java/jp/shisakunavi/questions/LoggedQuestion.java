package jp.shisakunavi.questions;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One question the bot received, as the log keeps it. No LINE user id: {@code asker} is a salted key made from it
 * ({@link AskerKeys}), enough to count distinct people and nothing more.
 *
 * @param normalized the text as the search normalizes it, and {@code terms} its content words (the review groups by
 *        them, the statistics count them)
 * @param first the first result (for a question asked back or not answered: the first candidate), null when none
 * @param runnersUp the other results or candidates, best first
 * @param review what an administrator did about it, null while nobody did
 */
@Document(LoggedQuestion.COLLECTION)
record LoggedQuestion(@Id String id, Instant at, String text, String normalized, List<String> terms,
		String municipality, String intent, Outcome outcome, Candidate first, List<Candidate> runnersUp, String asker,
		Feedback feedback, Instant feedbackAt, Review review) {

	static final String COLLECTION = "question_log";

	LoggedQuestion {
		terms = terms == null ? List.of() : List.copyOf(terms);
		runnersUp = runnersUp == null ? List.of() : List.copyOf(runnersUp);
	}

	/** A result of the search: what it is and how confident the search was (0..1). */
	record Candidate(String type, String id, String title, double score) {
	}

	/** Whether the review queue should show it: not answered, or answered and found unhelpful. */
	boolean needsReview() {
		return outcome != Outcome.ANSWERED || feedback == Feedback.NOT_HELPFUL;
	}
}
