package jp.shisakunavi.plan;

import java.util.List;

/** A project under a measure (茅ヶ崎市's 事務事業), grouping the items that are rated. */
public record Project(String number, String title, List<Department> departments, List<Item> items) {

	public Project {
		departments = Lists.orEmpty(departments);
		items = Lists.orEmpty(items);
	}
}
