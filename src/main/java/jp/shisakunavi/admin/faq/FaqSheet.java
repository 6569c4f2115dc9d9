package jp.shisakunavi.admin.faq;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jp.shisakunavi.admin.Table;
import jp.shisakunavi.admin.UnreadableFile;
import jp.shisakunavi.faq.FaqDraft;
import jp.shisakunavi.faq.FaqImportRow;
import jp.shisakunavi.faq.FaqRecord;
import jp.shisakunavi.plan.MunicipalityCode;
import jp.shisakunavi.system.SpreadsheetText;

/**
 * The FAQ as a sheet (CSV or Excel): the columns an export writes, and how an imported sheet's columns are
 * recognised by their headers — ours, and those of the open-data FAQ (全国地方公共団体コード, ID, 地方公共団体名, 質問,
 * 回答, 所管部署, 分類, URL), so that a published file can be imported again. Only 質問 is required; an entry that
 * a row changes keeps what the sheet has no column for.
 */
final class FaqSheet {

	static final List<Column> COLUMNS = List.of(
			new Column("ID", null, r -> r.id(), List.of("id")),
			new Column("自治体", "municipality", r -> r.content().municipality(), List.of("地方公共団体名")),
			new Column("質問", "question", r -> r.content().question(), List.of()),
			new Column("言い換え", "alternates", r -> String.join("\n", r.content().alternates()), List.of()),
			new Column("回答", "answer", r -> r.content().answer(), List.of()),
			new Column("全市で答える用語", "everyCity", r -> r.content().everyCity() ? "はい" : "", List.of()),
			new Column("分類", "category", r -> r.content().category(), List.of()),
			new Column("タグ", "tags", r -> String.join("、", r.content().tags()), List.of()),
			new Column("出典", "source", r -> r.content().source(), List.of()),
			new Column("URL", "url", r -> r.content().url(), List.of()),
			new Column("所管部署", "department", r -> r.content().department(), List.of()));

	/** The open-data file's first column: the municipality by its code. */
	static final String CODE = "全国地方公共団体コード";

	private static final Set<String> YES = Set.of("はい", "yes", "true", "1", "○", "〇");
	private static final Set<String> NO = Set.of("", "いいえ", "no", "false", "0", "×");

	private FaqSheet() {
	}

	static List<String> headers() {
		return COLUMNS.stream().map(Column::header).toList();
	}

	/** The record's cells in the order of {@link #COLUMNS}, formulas neutralised. */
	static List<String> cells(FaqRecord record) {
		return COLUMNS.stream().map(c -> SpreadsheetText.neutralised(c.value().apply(record))).toList();
	}

	/** The rows of an imported sheet; a row whose cells cannot be understood is a row with its reason. */
	static List<FaqImportRow> rows(Table table) {
		Map<Integer, String> fieldAt = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < table.header().size(); i++) {
			String header = normalized(table.header().get(i));
			if (header.isEmpty()) {
				continue;
			}
			Optional<String> field = header.equals(CODE) ? Optional.of(CODE) : column(header).map(c -> c.field() == null ? "id" : c.field());
			if (field.isEmpty()) {
				unknown.add(table.header().get(i));
			}
			else if (fieldAt.containsValue(field.get())) {
				throw new UnreadableFile("見出し「" + table.header().get(i) + "」と同じ意味の列が二つあります");
			}
			else {
				fieldAt.put(i, field.get());
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnreadableFile("1行目の見出し「" + String.join("」「", unknown) + "」が分かりません。使える見出し: "
					+ String.join("、", headers()) + "、" + CODE);
		}
		if (!fieldAt.containsValue("question")) {
			throw new UnreadableFile("1行目の見出しに「質問」の列がありません。使える見出し: " + String.join("、", headers()));
		}
		Set<String> given = new LinkedHashSet<>(fieldAt.values());
		given.remove("id");
		given.remove(CODE);
		if (fieldAt.containsValue(CODE)) {
			given.add("municipality");
		}
		return table.lines().stream().filter(l -> !l.blank()).map(l -> row(l, fieldAt, given)).toList();
	}

	private static FaqImportRow row(Table.Line line, Map<Integer, String> fieldAt, Set<String> given) {
		Map<String, String> value = new HashMap<>();
		fieldAt.forEach((i, field) -> value.put(field, i < line.cells().size() ? SpreadsheetText.restored(line.cells().get(i)) : null));
		String place = line.number() + "行目";
		String everyCity = value.getOrDefault("everyCity", "");
		boolean yes = YES.contains(normalized(everyCity));
		if (!yes && !NO.contains(normalized(everyCity))) {
			return FaqImportRow.unreadable(line.number(), place, "「全市で答える用語」は「はい」か空欄にしてください（「" + everyCity + "」）");
		}
		String municipality = value.get("municipality");
		String code = normalized(value.get(CODE));
		if (!code.isEmpty()) {
			Optional<String> named = MunicipalityCode.municipality(code);
			if (named.isEmpty()) {
				return FaqImportRow.unreadable(line.number(), place, "全国地方公共団体コード「" + code + "」の自治体は、計画データにありません");
			}
			if (municipality == null || municipality.isBlank()) {
				municipality = named.get();
			}
		}
		FaqDraft draft = new FaqDraft(value.get("question"), split(value.get("alternates"), "\\R"), value.get("answer"),
				municipality, yes, value.get("category"), split(value.get("tags"), "[\\r\\n,、，]+"), value.get("source"),
				value.get("url"), value.get("department"), null, true);
		return FaqImportRow.read(line.number(), place, value.get("id"), draft, given);
	}

	private static Optional<Column> column(String header) {
		return COLUMNS.stream()
			.filter(c -> normalized(c.header()).equals(header) || c.aliases().stream().anyMatch(a -> normalized(a).equals(header)))
			.findFirst();
	}

	private static List<String> split(String text, String separators) {
		return text == null ? List.of() : Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String normalized(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param field the draft's field it fills ({@link FaqDraft#FIELDS}); null for the id
	 * @param aliases other headers that mean it (the open-data file's)
	 */
	record Column(String header, String field, Function<FaqRecord, String> value, List<String> aliases) {
	}
}
