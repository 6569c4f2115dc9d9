package jp.shisakunavi.plan;

import java.util.List;

/**
 * A pillar of a plan (基本施策, 款, 基本方針, 基本目標, 施策展開の柱).
 *
 * @param sections texts about the pillar as a whole, headed as printed (茅ヶ崎市: 進捗に係る学識経験者意見, the outside
 *        expert's opinion on the pillar)
 */
public record Pillar(String number, String title, String description, List<Section> sections) {

	public Pillar {
		sections = Lists.orEmpty(sections);
	}
}
