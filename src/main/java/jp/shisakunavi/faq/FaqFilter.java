package jp.shisakunavi.faq;

import java.util.stream.Stream;

import jp.shisakunavi.plan.MunicipalityName;

/**
 * Which entries a list shows: a municipality ({@value #COMMON} for entries of every city), a category, a tag,
 * text found in the question, an alternate, the answer or the id (compared as {@link FaqDraft#key}, so width and
 * case do not matter), and a state. Empty fields match everything.
 */
public record FaqFilter(String municipality, String category, String tag, String text, State state) {

	public static final String COMMON = "common";
	public static final FaqFilter ALL = new FaqFilter(null, null, null, null, State.LIVE);

	/** Which entries by their editing state. */
	public enum State {
		/** Answered by the bot (not deleted). */
		LIVE,
		/** Changed in the console since their seed file, or created there. */
		EDITED,
		/** A changed seed file waits for an editor's choice. */
		CONFLICT,
		/** Deleted (kept in the history, restorable). */
		DELETED
	}

	public FaqFilter {
		municipality = blankless(municipality);
		category = blankless(category);
		tag = blankless(tag);
		text = blankless(text);
		state = state == null ? State.LIVE : state;
	}

	public boolean matches(FaqRecord record) {
		FaqDraft content = record.content();
		return inState(record)
				&& (municipality == null || (COMMON.equals(municipality) ? content.municipality() == null
						: MunicipalityName.key(municipality).equals(MunicipalityName.key(content.municipality()))))
				&& (category == null || category.equals(content.category()))
				&& (tag == null || content.tags().contains(tag))
				&& (text == null || containsText(record));
	}

	private boolean inState(FaqRecord record) {
		return switch (state) {
			case LIVE -> !record.deleted();
			case EDITED -> !record.deleted() && record.origin() == FaqRecord.Origin.EDITED;
			case CONFLICT -> record.inConflict();
			case DELETED -> record.deleted();
		};
	}

	private boolean containsText(FaqRecord record) {
		String wanted = FaqDraft.key(text);
		FaqDraft content = record.content();
		return Stream.of(Stream.of(record.id(), content.question(), content.answer()), content.alternates().stream())
			.flatMap(s -> s)
			.anyMatch(value -> value != null && FaqDraft.key(value).contains(wanted));
	}

	private static String blankless(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
