package jp.shisakunavi.admin.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jp.shisakunavi.faq.FaqDraft;

/**
 * One field that two versions of an entry write differently, for the console's side-by-side views: an edit that
 * crossed another editor's, and a seed file changed after a console edit.
 */
record FieldDifference(String label, String left, String right) {

	private static final List<Field> FIELDS = List.of(
			new Field("質問", FaqDraft::question),
			new Field("言い換え", d -> String.join("\n", d.alternates())),
			new Field("回答", FaqDraft::answer),
			new Field("自治体", d -> d.municipality() == null ? "全市共通" : d.municipality()),
			new Field("全市で答える用語", d -> d.everyCity() ? "はい" : "いいえ"),
			new Field("分類", FaqDraft::category),
			new Field("タグ", d -> String.join("、", d.tags())),
			new Field("出典", FaqDraft::source),
			new Field("URL", FaqDraft::url),
			new Field("所管部署", FaqDraft::department));

	/** The fields where {@code left} and {@code right} differ, in the form's order. */
	static List<FieldDifference> between(FaqDraft left, FaqDraft right) {
		List<FieldDifference> differences = new ArrayList<>();
		for (Field field : FIELDS) {
			String a = field.value().apply(left);
			String b = field.value().apply(right);
			if (!Objects.equals(blankless(a), blankless(b))) {
				differences.add(new FieldDifference(field.label(), a == null ? "" : a, b == null ? "" : b));
			}
		}
		return differences;
	}

	private static String blankless(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private record Field(String label, Function<FaqDraft, String> value) {
	}
}
