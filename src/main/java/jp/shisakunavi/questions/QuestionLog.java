package jp.shisakunavi.questions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What the conversation tells the log: a question it answered (written shortly after, off the reply path) and
 * the feedback a citizen gave on an answer (stored once: a second tap changes nothing).
 */
@Service
public class QuestionLog {

	private final LogWriter writer;
	private final MongoTemplate mongo;
	private final Clock clock;

	QuestionLog(LogWriter writer, MongoTemplate mongo, Clock clock) {
		this.writer = writer;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Logs the question; returns its id, for the feedback buttons of the answer. */
	public String asked(AskedQuestion question) {
		String id = UUID.randomUUID().toString();
		writer.offer(new LogWriter.Pending(id, clock.instant(), question));
		return id;
	}

	public Feedback.Taken feedback(String questionId, Feedback feedback) {
		if (questionId == null || questionId.isBlank()) {
			return Feedback.Taken.UNKNOWN;
		}
		Feedback.Taken taken = store(questionId, feedback);
		if (taken == Feedback.Taken.UNKNOWN) {
			writer.flush();
			taken = store(questionId, feedback);
		}
		return taken;
	}

	/**
	 * Stores the feedback unless some is there. A question the writer inserts between the update and the check
	 * has no feedback yet: the update is tried again rather than reporting a first tap as a second.
	 */
	private Feedback.Taken store(String questionId, Feedback feedback) {
		Query open = Query.query(where("_id").is(questionId).and("feedback").exists(false));
		for (int attempt = 0; attempt < 3; attempt++) {
			Instant now = clock.instant();
			if (mongo.updateFirst(open, new Update().set("feedback", feedback).set("feedbackAt", now), LoggedQuestion.class)
				.getModifiedCount() > 0) {
				return Feedback.Taken.RECORDED;
			}
			if (mongo.exists(Query.query(where("_id").is(questionId).and("feedback").exists(true)), LoggedQuestion.class)) {
				return Feedback.Taken.ALREADY_GIVEN;
			}
			if (!mongo.exists(Query.query(where("_id").is(questionId)), LoggedQuestion.class)) {
				return Feedback.Taken.UNKNOWN;
			}
		}
		return Feedback.Taken.ALREADY_GIVEN;
	}
}
