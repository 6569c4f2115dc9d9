package jp.shisakunavi.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measure of a plan (施策 / 取組施策 / 情報化施策) with what citizens ask about: targets, departments, text
 * sections, schedule, evaluations, and — in 茅ヶ崎市 — the projects and items beneath it.
 *
 * @param terms ids of the FAQ entries that explain terms its texts mark (多治見市's footnotes ※1–※5)
 */
@Document("measures")
public record Measure(@Id String id, String planId, String municipality, String pillarNumber, String number,
		String title, List<Department> departments, List<String> targets, String direction, boolean priority,
		List<String> tags, List<Section> sections, List<ScheduleEntry> schedule, List<Evaluation> evaluations,
		List<Project> projects, List<String> terms) implements Rated {

	public Measure {
		departments = Lists.orEmpty(departments);
		targets = Lists.orEmpty(targets);
		tags = Lists.orEmpty(tags);
		sections = Lists.orEmpty(sections);
		schedule = Lists.orEmpty(schedule);
		evaluations = Lists.orEmpty(evaluations);
		projects = Lists.orEmpty(projects);
		terms = Lists.orEmpty(terms);
	}

	/** This measure as it stands in the given plan and pillar. */
	Measure placedIn(String planId, String municipality, String pillarNumber) {
		return new Measure(id, planId, municipality, pillarNumber, number, title, departments, targets, direction,
				priority, tags, sections, schedule, evaluations, projects, terms);
	}

	public Measure withEvaluations(List<Evaluation> evaluations) {
		return new Measure(id, planId, municipality, pillarNumber, number, title, departments, targets, direction,
				priority, tags, sections, schedule, evaluations, projects, terms);
	}

	public Measure withProjects(List<Project> projects) {
		return new Measure(id, planId, municipality, pillarNumber, number, title, departments, targets, direction,
				priority, tags, sections, schedule, evaluations, projects, terms);
	}

	/** The rated unit of this id: the measure itself (when it has no items) or one of its items. */
	Optional<Rated> ratedUnit(String unitId) {
		return ratedUnits().filter(r -> r.id().equals(unitId)).findFirst();
	}

	/** This measure with the evaluations of one rated unit (itself or an item) replaced. */
	Measure withUnitEvaluations(String unitId, List<Evaluation> replaced) {
		if (id.equals(unitId)) {
			return withEvaluations(replaced);
		}
		return withProjects(projects.stream()
			.map(p -> new Project(p.number(), p.title(), p.departments(), p.items().stream()
				.map(i -> i.id().equals(unitId) ? i.withEvaluations(replaced) : i)
				.toList()))
			.toList());
	}

	/**
	 * The departments responsible for a rated unit, for matching followers: an item's own and its project's
	 * (the measure's when those name none); for the measure itself every department named for it.
	 */
	List<String> departmentsOf(String unitId) {
		if (id.equals(unitId)) {
			return departmentNames().toList();
		}
		for (Project project : projects) {
			for (Item item : project.items()) {
				if (item.id().equals(unitId)) {
					List<String> names = Stream.concat(item.departments().stream(), project.departments().stream())
						.map(Department::name)
						.distinct()
						.toList();
					return names.isEmpty() ? departments.stream().map(Department::name).toList() : names;
				}
			}
		}
		return List.of();
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
