package jp.shisakunavi.faq;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The FAQ entries the bot answers with (deleted ones left out), by id. */
@Component
public class FaqEntries {

	private final FaqRecords records;

	FaqEntries(FaqRecords records) {
		this.records = records;
	}

	public List<FaqEntry> all() {
		return records.live().stream().map(FaqRecord::entry).toList();
	}

	public Optional<FaqEntry> find(String id) {
		return records.find(id).filter(r -> !r.deleted()).map(FaqRecord::entry);
	}
}
