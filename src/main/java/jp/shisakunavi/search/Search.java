package jp.shisakunavi.search;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import jp.shisakunavi.faq.FaqEntries;
import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Plans;

/**
 * Finds the measure, item or FAQ entry that answers a question. First version: character-bigram overlap
 * between the question and titles; replaced by the Lucene index (issue 3).
 */
@Service
public class Search {

	private static final int MAX_QUERY_LENGTH = 200;
	private static final double THRESHOLD = 0.5;

	private final Plans plans;
	private final FaqEntries faq;

	Search(Plans plans, FaqEntries faq) {
		this.plans = plans;
		this.faq = faq;
	}

	public Answer answer(Question question) {
		String text = question.text() == null ? "" : question.text().strip();
		if (text.length() > MAX_QUERY_LENGTH) {
			text = text.substring(0, MAX_QUERY_LENGTH);
		}
		String query = text;
		List<Plan> allPlans = plans.all();
		Stream<Hit> measures = plans.ratedUnits().map(placed -> {
			Plan plan = allPlans.stream().filter(p -> p.id().equals(placed.measure().planId())).findFirst().orElseThrow();
			List<Evaluation> latest = placed.rated().latestEvaluations();
			String rating = latest.isEmpty() ? null : latest.getFirst().rating();
			Integer year = latest.isEmpty() ? null : latest.getFirst().fiscalYear();
			boolean item = placed.rated() != placed.measure();
			return new Hit(item ? "item" : "measure", placed.rated().id(), placed.measure().id(),
					plan.municipality(), plan.id(), plan.title(), placed.rated().title(), rating, year,
					overlap(query, placed.rated().title()));
		}).filter(hit -> question.municipality() == null
				|| MunicipalityName.matches(question.municipality(), hit.municipality(), null));
		Stream<Hit> entries = faq.all().stream()
			.map(e -> new Hit("faq", e.id(), null, e.municipality(), null, null, e.question(), null, null,
					overlap(query, e.question())));
		List<Hit> ranked = Stream.concat(measures, entries)
			.sorted(Comparator.comparingDouble(Hit::score).reversed())
			.limit(Math.max(1, question.limit()))
			.toList();
		boolean answered = !ranked.isEmpty() && ranked.getFirst().score() >= THRESHOLD;
		return new Answer(query, answered ? Intent.STATUS : Intent.OUT_OF_SCOPE, answered,
				new Understanding(question.municipality(), null, null, null, null), answered ? ranked : List.of(),
				answered ? List.of() : ranked.stream().limit(3).toList());
	}

	private static double overlap(String query, String title) {
		List<String> grams = bigrams(query);
		if (grams.isEmpty()) {
			return 0;
		}
		long found = grams.stream().filter(title::contains).count();
		return (double) found / grams.size();
	}

	private static List<String> bigrams(String text) {
		return Stream.iterate(0, i -> i + 2 <= text.length(), i -> i + 1).map(i -> text.substring(i, i + 2)).toList();
	}
}
