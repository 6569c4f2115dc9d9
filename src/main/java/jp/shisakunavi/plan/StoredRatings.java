package jp.shisakunavi.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A measure read again from its data file, with the ratings the database holds for it kept. The file gives every
 * text (titles, sections, progress texts); the database keeps every rating an administrator entered or corrected
 * since, and every fiscal year the file does not have. A rating corrected in a data file therefore does not
 * replace a stored one: ratings are changed through the intake, which records the change and tells followers.
 */
final class StoredRatings {

	private StoredRatings() {
	}

	static Measure keep(Measure fromFile, Measure stored) {
		Map<String, List<Evaluation>> storedByUnit = new HashMap<>();
		storedByUnit.put(stored.id(), stored.evaluations());
		stored.items().forEach(item -> storedByUnit.put(item.id(), item.evaluations()));
		List<Project> projects = fromFile.projects().stream()
			.map(p -> new Project(p.number(), p.title(), p.departments(), p.items().stream()
				.map(item -> item.withEvaluations(keep(item.evaluations(), storedByUnit.get(item.id()))))
				.toList()))
			.toList();
		return fromFile.withEvaluations(keep(fromFile.evaluations(), storedByUnit.get(fromFile.id())))
			.withProjects(projects);
	}

	/** The file's evaluations with the stored rating (and its mark) where one differs, plus the years only stored. */
	static List<Evaluation> keep(List<Evaluation> fromFile, List<Evaluation> stored) {
		if (stored == null || stored.isEmpty()) {
			return fromFile;
		}
		Map<String, Evaluation> storedByYear = new LinkedHashMap<>();
		stored.forEach(e -> storedByYear.put(key(e), e));
		List<Evaluation> result = new ArrayList<>();
		for (Evaluation file : fromFile) {
			Evaluation kept = storedByYear.remove(key(file));
			result.add(kept == null || kept.rating().equals(file.rating()) ? file
					: new Evaluation(file.fiscalYear(), kept.rating(), file.department(), kept.mark(), file.progress(),
							file.nextPlan()));
		}
		result.addAll(storedByYear.values());
		result.sort(Comparator.comparingInt(Evaluation::fiscalYear));
		return result;
	}

	private static String key(Evaluation evaluation) {
		return evaluation.fiscalYear() + "/" + Objects.toString(evaluation.department(), "");
	}
}
