package jp.shisakunavi.faq;

import java.util.Map;

/**
 * The category (分類) of a built-in entry that does not name one: the folder it is in ({@code kakamigahara/glossary/…}
 * → 用語解説). A file or an editor may name any category instead.
 */
final class FaqCategories {

	private static final Map<String, String> FOLDERS = Map.of(
			"glossary", "用語解説",
			"terms", "用語",
			"plan", "計画",
			"rating", "評価",
			"usage", "使い方",
			"survey", "市民調査",
			"national", "国の動向",
			"prefecture", "県の動向",
			"trends", "情報化の動向");

	private FaqCategories() {
	}

	/** The category of the folder an entry id names, or null (an entry directly in a city's folder). */
	static String ofId(String id) {
		String[] parts = id.split("/");
		return parts.length < 3 ? null : FOLDERS.get(parts[parts.length - 2]);
	}
}
