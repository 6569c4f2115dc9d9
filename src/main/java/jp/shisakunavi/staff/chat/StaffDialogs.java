package jp.shisakunavi.staff.chat;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * Where each staff member is in the report dialog: which obligation, and what the bot asked last. What they wrote
 * is saved as the report's draft at every step (so it survives anything); this only says how to take the next
 * text. A dialog left alone longer than {@code shisaku.staff.chat.dialog-idle} is over: the next text is a
 * question to the bot again, and 「報告する」 resumes from the draft.
 */
@Repository
class StaffDialogs implements PersonalData {

	private final MongoTemplate mongo;
	private final Clock clock;
	private final Duration idle;

	StaffDialogs(MongoTemplate mongo, Clock clock, @Value("${shisaku.staff.chat.dialog-idle:30m}") Duration idle) {
		this.mongo = mongo;
		this.clock = clock;
		this.idle = idle;
	}

	/** What the bot waits for. */
	enum Step {
		RATING, PROGRESS, ISSUES, CONFIRM
	}

	Optional<Dialog> current(LineUserId user) {
		return Optional.ofNullable(mongo.findById(user.value(), Dialog.class))
			.filter(dialog -> dialog.updatedAt().plus(idle).isAfter(clock.instant()));
	}

	void at(LineUserId user, String obligationId, Step step) {
		mongo.save(new Dialog(user.value(), obligationId, step, clock.instant()));
	}

	void end(LineUserId user) {
		mongo.remove(Query.query(where("_id").is(user.value())), Dialog.class);
	}

	@Override
	public void erase(LineUserId user) {
		end(user);
	}

	@Document("staff_chat_dialogs")
	record Dialog(@Id String userId, String obligationId, Step step, Instant updatedAt) {
	}
}
