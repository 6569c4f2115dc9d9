package jp.shisakunavi.plan;

import java.util.List;

/** An item of a project (茅ヶ崎市's 事務事業細目): the unit that is rated each year. */
public record Item(String id, String number, String title, List<Department> departments, List<Section> sections,
		List<Evaluation> evaluations) implements Rated {

	public Item {
		departments = Lists.orEmpty(departments);
		sections = Lists.orEmpty(sections);
		evaluations = Lists.orEmpty(evaluations);
	}

	Item withEvaluations(List<Evaluation> replaced) {
		return new Item(id, number, title, departments, sections, replaced);
	}
}
