package jp.shisakunavi.questions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.Question;
import jp.shisakunavi.search.Search;

/**
 * The review queue: questions the bot did not answer (asked back or no good match) and answers citizens marked
 * 役に立たなかった, grouped ({@link Grouping}), of the municipalities the account may read; and what administrators
 * decide about a group, stored on each of its questions.
 */
@Service
class ReviewQueue {

	/** The newest questions to review that are read at most (older ones wait until these are dealt with). */
	static final int MAX_QUESTIONS = 5000;

	private final MongoTemplate mongo;
	private final Search search;
	private final Clock clock;

	ReviewQueue(MongoTemplate mongo, Search search, Clock clock) {
		this.mongo = mongo;
		this.search = search;
		this.clock = clock;
	}

	/** Which groups to show. */
	enum Show {
		OPEN("未対応・対応中"), DONE("対応済み"), ALL("すべて");

		private final String label;

		Show(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	List<ReviewGroup> groups(Actor actor, String municipality, Show show) {
		List<Criteria> parts = new ArrayList<>();
		parts.add(new Criteria().orOperator(where("outcome").ne(Outcome.ANSWERED.name()),
				where("feedback").is(Feedback.NOT_HELPFUL.name())));
		if (municipality != null) {
			parts.add(where("municipality").is(municipality));
		}
		switch (show) {
			case OPEN -> parts.add(where("review.progress").ne(Review.Progress.DONE.name()));
			case DONE -> parts.add(where("review.progress").is(Review.Progress.DONE.name()));
			case ALL -> {
			}
		}
		Query query = Query.query(new Criteria().andOperator(parts)).with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(MAX_QUESTIONS);
		List<LoggedQuestion> readable = mongo.find(query, LoggedQuestion.class).stream()
			.filter(q -> actor.mayView(q.municipality()))
			.toList();
		return Grouping.of(readable);
	}

	/**
	 * Stores what {@code actor} decided on each of the questions (those of {@code municipality} only).
	 *
	 * @return the decision as stored
	 */
	Review decide(List<String> ids, String municipality, Actor actor, Review.Action action, Review.Progress progress,
			String department, String target) {
		Review review = new Review(action, progress, department, target, actor.username(), clock.instant());
		mongo.updateMulti(Query.query(where("_id").in(ids).and("municipality").is(municipality)),
				new Update().set("review", review), LoggedQuestion.class);
		return review;
	}

	/** Each wording asked again now, as the bot would answer it. */
	List<Recheck> recheck(ReviewGroup group) {
		return group.examples().stream().map(text -> {
			Answer answer = search.answer(new Question(text, group.municipality(), 3));
			boolean answered = Outcome.of(answer) == Outcome.ANSWERED && !answer.results().isEmpty();
			return new Recheck(text, answered, answered ? answer.results().getFirst().title() : null);
		}).toList();
	}

	/** A wording asked again: answered now, with what. */
	record Recheck(String text, boolean answered, String answer) {
	}
}
