package jp.shisakunavi.notify;

import java.util.List;

/**
 * What an announcement to one city's citizens can be addressed to: everyone following the city, or the followers
 * of one of its themes, pillars, departments or measures (the topics citizens choose in 通知設定).
 */
public record Segments(Followed city, List<Followed> themes, List<Followed> pillars, List<Followed> departments,
		List<Followed> measures) {

	public Segments {
		themes = List.copyOf(themes);
		pillars = List.copyOf(pillars);
		departments = List.copyOf(departments);
		measures = List.copyOf(measures);
	}
}
