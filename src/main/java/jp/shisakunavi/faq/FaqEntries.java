package jp.shisakunavi.faq;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The FAQ entries in MongoDB. */
@Repository
public class FaqEntries {

	private final MongoTemplate mongo;

	FaqEntries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public List<FaqEntry> all() {
		return mongo.findAll(FaqEntry.class).stream().sorted(Comparator.comparing(FaqEntry::id)).toList();
	}

	public Optional<FaqEntry> find(String id) {
		return Optional.ofNullable(mongo.findById(id, FaqEntry.class));
	}

	void save(FaqEntry entry) {
		mongo.save(entry);
	}

	void remove(String id) {
		mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), FaqEntry.class);
	}
}
