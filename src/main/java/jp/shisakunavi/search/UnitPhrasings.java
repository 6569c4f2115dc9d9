package jp.shisakunavi.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Search vocabulary per measure or item: ways citizens ask for it that its own text does not contain (「ラインの
 * 通知を減らしたい」 for a measure about LINE), kept in MongoDB and indexed as further titles of the unit, as a FAQ
 * entry's alternates are. Changes reach the index of this instance at once and of every other instance at its next
 * vocabulary poll. Callers check the account's permission and write the audit log.
 */
@Service
public class UnitPhrasings {

	static final String COLLECTION = "search_phrasings";
	/** More than this many phrasings for one unit say it needs a FAQ entry instead. */
	static final int MAX_PER_UNIT = 50;
	private static final int MAX_LENGTH = 200;

	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	UnitPhrasings(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/** The unit's phrasings, in the order they were added. */
	public List<String> of(String unitId) {
		return Optional.ofNullable(mongo.findById(unitId, Stored.class)).map(Stored::phrasings).orElse(List.of());
	}

	/**
	 * Adds phrasings to the unit (those it has, compared as the search normalizes, are left out).
	 *
	 * @return the phrasings added
	 * @throws IllegalArgumentException when the unit would have more than {@value #MAX_PER_UNIT}
	 */
	public List<String> add(String unitId, List<String> phrasings, String by) {
		List<String> current = of(unitId);
		Map<String, String> kept = new LinkedHashMap<>();
		current.forEach(p -> kept.put(key(p), p));
		List<String> added = new ArrayList<>();
		for (String phrasing : phrasings) {
			String text = QuestionText.clean(phrasing);
			if (!text.isEmpty() && text.length() <= MAX_LENGTH && kept.putIfAbsent(key(text), text) == null) {
				added.add(text);
			}
		}
		if (kept.size() > MAX_PER_UNIT) {
			throw new IllegalArgumentException("1つの施策に加えられる言い回しは " + MAX_PER_UNIT + " 件までです。FAQ を作ることを考えてください");
		}
		if (!added.isEmpty()) {
			mongo.upsert(Query.query(where("_id").is(unitId)), new Update().push("phrasings").each(added.toArray())
				.set("updatedAt", clock.instant()).set("updatedBy", by), Stored.class);
			events.publishEvent(new PhrasingsChanged());
		}
		return added;
	}

	/** Every unit's phrasings, by unit id. */
	Map<String, List<String>> all() {
		Map<String, List<String>> all = new TreeMap<>();
		mongo.findAll(Stored.class).forEach(s -> all.put(s.id(), s.phrasings()));
		return all;
	}

	private static String key(String text) {
		return JapaneseAnalysis.normalize(text).replaceAll("[\\s?!。、.,]+", "");
	}

	/** Phrasings were added here: the index is rebuilt. */
	record PhrasingsChanged() {
	}

	@Document(COLLECTION)
	record Stored(@Id String id, List<String> phrasings) {

		Stored {
			phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
		}
	}
}
