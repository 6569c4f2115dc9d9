package jp.shisakunavi.plan;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measure of a plan (施策 / 取組施策 / 情報化施策) with what citizens ask about: targets, departments, text
 * sections, schedule, evaluations, and — in 茅ヶ崎市 — the projects and items beneath it.
 */
@Document("measures")
public record Measure(@Id String id, String planId, String municipality, String pillarNumber, String number,
		String title, List<Department> departments, List<String> targets, String direction, boolean priority,
		List<String> tags, List<Section> sections, List<ScheduleEntry> schedule, List<Evaluation> evaluations,
		List<Project> projects) implements Rated {

	public Measure {
		departments = Lists.orEmpty(departments);
		targets = Lists.orEmpty(targets);
		tags = Lists.orEmpty(tags);
		sections = Lists.orEmpty(sections);
		schedule = Lists.orEmpty(schedule);
		evaluations = Lists.orEmpty(evaluations);
		projects = Lists.orEmpty(projects);
	}

	/** This measure as it stands in the given plan and pillar. */
	Measure placedIn(String planId, String municipality, String pillarNumber) {
		return new Measure(id, planId, municipality, pillarNumber, number, title, departments, targets, direction,
				priority, tags, sections, schedule, evaluations, projects);
	}

	public Measure withEvaluations(List<Evaluation> evaluations) {
		return new Measure(id, planId, municipality, pillarNumber, number, title, departments, targets, direction,
				priority, tags, sections, schedule, evaluations, projects);
	}

	public Measure withProjects(List<Project> projects) {
		return new Measure(id, planId, municipality, pillarNumber, number, title, departments, targets, direction,
				priority, tags, sections, schedule, evaluations, projects);
	}

	public Stream<Item> items() {
		return projects.stream().flatMap(p -> p.items().stream());
	}

	/** What is rated: the items when the measure has any, otherwise the measure itself. */
	public Stream<Rated> ratedUnits() {
		return projects.isEmpty() ? Stream.of(this) : items().map(Rated.class::cast);
	}

	/** Every department named for the measure, its projects, items or evaluations. */
	public Stream<String> departmentNames() {
		Stream<String> own = departments.stream().map(Department::name);
		Stream<String> rated = evaluations.stream().map(Evaluation::department);
		Stream<String> projectLevel = projects.stream()
			.flatMap(p -> Stream.concat(p.departments().stream(),
					p.items().stream().flatMap(i -> i.departments().stream())))
			.map(Department::name);
		return Stream.of(own, rated, projectLevel).flatMap(s -> s).filter(n -> n != null && !n.isBlank()).distinct();
	}
}
