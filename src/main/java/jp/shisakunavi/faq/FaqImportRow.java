package jp.shisakunavi.faq;

import java.util.List;
import java.util.Set;

/**
 * One entry of an imported file (a row of a CSV or Excel sheet, a file of a zipped {@code faq/} folder), as read.
 *
 * @param line where it is in the file: the row number, or the file's number in the zip
 * @param place how the editor finds it: {@code 3行目}, {@code faq/tajimi/rating/a.yaml}
 * @param id the entry it is meant for, if the file says (null: found by its question, or new)
 * @param draft what it says; null when it could not be read
 * @param fields the fields the file has ({@link FaqDraft#FIELDS} names; null: all): an entry the row changes keeps
 *        the others, so that a sheet without, say, alternates does not remove them
 * @param unreadable why it could not be read (null when it was)
 */
public record FaqImportRow(int line, String place, String id, FaqDraft draft, Set<String> fields, String unreadable) {

	/** A row of a file that says everything about its entry (a file of the {@code faq/} folder). */
	public static FaqImportRow read(int line, String place, String id, FaqDraft draft) {
		return read(line, place, id, draft, null);
	}

	/** A row that gives only {@code fields} (a sheet's columns). */
	public static FaqImportRow read(int line, String place, String id, FaqDraft draft, Set<String> fields) {
		return new FaqImportRow(line, place, id == null || id.isBlank() ? null : id.strip(), draft,
				fields == null ? null : Set.copyOf(fields), null);
	}

	public static FaqImportRow unreadable(int line, String place, String reason) {
		return new FaqImportRow(line, place, null, null, null, reason);
	}

	/** What the row makes of an entry that says {@code current}: the row's fields over the entry's. */
	FaqDraft over(FaqDraft current) {
		return current == null || fields == null ? draft : draft.over(current, fields);
	}

	List<FaqProblem> readingProblems() {
		return unreadable == null ? List.of() : List.of(new FaqProblem("file", unreadable));
	}
}
