package jp.shisakunavi.faq;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * An import is written down whole before any entry of it is written, so that a crash in the middle is finished at
 * the next start instead of leaving half of it: first each entry it writes ({@code faq_import_writes}, one
 * document each, so that no import meets MongoDB's 16 MB document limit), then the import itself
 * ({@code faq_imports}). Writes without their import were never begun; an import done (or undone) is forgotten.
 */
@Repository
class FaqImportJournal {

	private final MongoTemplate mongo;

	FaqImportJournal(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void begin(String importId, List<FaqRecord> writes, Instant at) {
		IntStream.range(0, writes.size())
			.forEach(i -> mongo.save(new Write(importId + "#" + i, importId, i, writes.get(i))));
		mongo.save(new Import(importId, writes.size(), at));
	}

	/** Forgets an import that is done or undone (or was never begun): its writes first. */
	void forget(String importId) {
		mongo.remove(query(where("importId").is(importId)), Write.class);
		mongo.remove(query(where("_id").is(importId)), Import.class);
	}

	/** Imports begun and not done (a crash), each with all its writes. */
	List<Import> unfinished() {
		return mongo.findAll(Import.class);
	}

	List<FaqRecord> writes(String importId) {
		return mongo.find(query(where("importId").is(importId)).with(Sort.by("number")), Write.class).stream()
			.map(Write::record)
			.toList();
	}

	@Document("faq_imports")
	record Import(@Id String id, int writes, Instant at) {
	}

	@Document("faq_import_writes")
	record Write(@Id String id, String importId, int number, FaqRecord record) {
	}
}
