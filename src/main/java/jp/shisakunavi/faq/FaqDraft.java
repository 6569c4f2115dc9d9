package jp.shisakunavi.faq;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The content of a FAQ entry as an editor writes it: in the console, through the admin API, in an imported file or
 * in a file of the {@code faq/} folder. Texts are stripped, blank ones are absent (null), lists hold no blanks and
 * no repeats. {@link FaqEditor} checks a draft before it is stored ({@link FaqEditor#check}).
 *
 * @param municipality null: common to every city
 * @param everyCity a term {@code municipality} defines, answered for every city with whose definition it is
 * @param seed the seed document the answer quotes (built-in entries), kept as it is
 * @param writtenByHand the answer was written by people, not quoted from a seed
 */
public record FaqDraft(String question, List<String> alternates, String answer, String municipality,
		boolean everyCity, String category, List<String> tags, String source, String url, String department,
		String seed, boolean writtenByHand) {

	/** The fields an editor writes, by the names {@link FaqProblem#field()} and imports use. */
	public static final Set<String> FIELDS = Set.of("question", "alternates", "answer", "municipality", "everyCity",
			"category", "tags", "source", "url", "department");

	public FaqDraft {
		question = text(question);
		answer = answer == null || answer.isBlank() ? null : answer.strip().replace("\r\n", "\n");
		municipality = text(municipality);
		category = text(category);
		source = text(source);
		url = text(url);
		department = text(department);
		seed = text(seed);
		alternates = distinct(alternates, question);
		tags = distinct(tags, null);
	}

	/** A draft of a new entry from questions citizens asked (the answer still to be written). */
	public static FaqDraft ofQuestions(String question, List<String> alternates, String municipality) {
		return new FaqDraft(question, alternates, null, municipality, false, null, List.of(), null, null, null, null,
				true);
	}

	/** This draft with more ways of asking, after those it has (repeats and the question itself left out). */
	public FaqDraft withAlternates(List<String> more) {
		List<String> all = new ArrayList<>(alternates);
		all.addAll(more);
		return new FaqDraft(question, all, answer, municipality, everyCity, category, tags, source, url, department,
				seed, writtenByHand);
	}

	/** This draft's {@code fields} over {@code base}'s others (and {@code base}'s seed, unless the answer changes). */
	FaqDraft over(FaqDraft base, Set<String> fields) {
		boolean newAnswer = fields.contains("answer") && !Objects.equals(answer, base.answer());
		return new FaqDraft(fields.contains("question") ? question : base.question(),
				fields.contains("alternates") ? alternates : base.alternates(), newAnswer ? answer : base.answer(),
				fields.contains("municipality") ? municipality : base.municipality(),
				fields.contains("everyCity") ? everyCity : base.everyCity(),
				fields.contains("category") ? category : base.category(), fields.contains("tags") ? tags : base.tags(),
				fields.contains("source") ? source : base.source(), fields.contains("url") ? url : base.url(),
				fields.contains("department") ? department : base.department(), newAnswer ? null : base.seed(),
				newAnswer || base.writtenByHand());
	}

	FaqDraft withMunicipality(String name) {
		return new FaqDraft(question, alternates, answer, name, everyCity, category, tags, source, url, department,
				seed, writtenByHand);
	}

	/** The entry this draft makes as entry {@code id} (e.g. to try it in the search before it is saved). */
	public FaqEntry entry(String id, long version, Instant updatedAt) {
		return new FaqEntry(id, question, alternates, answer, municipality, everyCity, category, tags, source, url,
				department, version, updatedAt);
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * A question as it is compared with others: NFKC (full-width letters and digits as half-width), lower case,
	 * without spaces and without the punctuation that ends it (？ ! 。), so that 「RPAとは？」 and 「ＲＰＡとは」 are one.
	 */
	static String key(String question) {
		String text = Normalizer.normalize(question == null ? "" : question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return text.replaceAll("\\s+", "").replaceAll("[?!。.、,]+$", "");
	}

	/** Stripped, without blanks, without repeats (compared as {@link #key}) and without {@code except}. */
	private static List<String> distinct(List<String> values, String except) {
		if (values == null) {
			return List.of();
		}
		Map<String, String> kept = new LinkedHashMap<>();
		String skipped = except == null ? null : key(except);
		for (String value : values) {
			if (value != null && !value.isBlank() && !key(value).equals(skipped)) {
				kept.putIfAbsent(key(value), value.strip());
			}
		}
		return List.copyOf(kept.values());
	}
}
