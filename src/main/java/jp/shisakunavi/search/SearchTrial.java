package jp.shisakunavi.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jp.shisakunavi.faq.FaqEntry;

/**
 * What the bot would answer if one FAQ entry said something else — the 「試す」 pane of the console's FAQ editor,
 * before the edit is saved. The trial index is the current one with that entry in place of the stored one (or
 * added, for a new entry), built in memory and never written; trying the same edit again reuses it for as long
 * as the current index stands.
 */
@Service
public class SearchTrial {

	private final SearchIndex index;
	private final double threshold;
	private final double askFloor;
	/** The few edits being tried at the moment, each with the index it was made from. */
	private final Cache<FaqEntry, Trial> trials = Caffeine.newBuilder().maximumSize(8).build();

	SearchTrial(SearchIndex index, @Value("${shisaku.search.threshold:0.5}") double threshold,
			@Value("${shisaku.search.ask-back:0.35}") double askFloor) {
		this.index = index;
		this.threshold = threshold;
		this.askFloor = askFloor;
	}

	/** The answer with {@code edited} in the index instead of the entry stored under its id. */
	public Answer answer(Question question, FaqEntry edited) {
		IndexSnapshot current = index.snapshot();
		Trial trial = trials.asMap().compute(edited, (entry, made) -> made != null && made.base() == current ? made
				: new Trial(current, SearchIndex.withFaq(current, entry)));
		return new Search(trial::snapshot, threshold, askFloor).answer(question);
	}

	private record Trial(IndexSnapshot base, IndexSnapshot snapshot) {
	}
}
