package jp.shisakunavi.admin;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of an evaluation file, named in its header row in English (as in the JSON API) or as the cities'
 * staff write them in Japanese.
 */
enum Column {

	MUNICIPALITY("municipality", "自治体", "自治体名", "市", "市町村", "市区町村"),
	PLAN("plan", "計画", "計画名", "計画ID"),
	MEASURE_ID("measureId", "施策ID", "細目ID", "ID"),
	MEASURE_TITLE("measureTitle", "施策名", "施策", "細目名", "事務事業細目"),
	FISCAL_YEAR("fiscalYear", "年度"),
	RATING("rating", "評価"),
	DEPARTMENT("department", "担当課", "課", "部署"),
	COMMENT("comment", "コメント", "備考");

	private final String field;
	private final List<String> names;

	Column(String field, String... japanese) {
		this.field = field;
		this.names = Stream.concat(Stream.of(field), Arrays.stream(japanese))
			.map(Column::key)
			.toList();
	}

	/** The field name of the JSON API, used in reasons. */
	String field() {
		return field;
	}

	static Optional<Column> named(String header) {
		String key = key(header);
		return Arrays.stream(values()).filter(c -> c.names.contains(key)).findFirst();
	}

	/** Header names compared without case, width, spaces, underscores or hyphens (施策 ID, measure_id). */
	private static String key(String name) {
		return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
			.replaceAll("[\\s_\\-]", "")
			.toLowerCase(Locale.ROOT);
	}
}
