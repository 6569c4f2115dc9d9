package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import jp.shisakunavi.plan.MunicipalityName;

/**
 * Finds the units that answer a question about one subject. Lucene gathers candidates (query objects built
 * from analyzed words, never parsed from the user's text); each candidate's confidence comes from
 * {@link Coverage}; the order also prefers titles, the city's newest plan, and FAQ entries for definitions.
 */
final class RankedSearch {

	private static final int CANDIDATES = 40;
	/** Questions are cut to a few hundred characters; their terms are capped too, to bound each query. */
	private static final int MAX_TERMS = 64;
	private static final int SCORED = 25;
	private static final double OLDER_PLAN = 0.85;
	/** A unit of a plan that does not cover the fiscal year asked about. */
	private static final double OTHER_YEARS = 0.7;
	private static final double FAQ_FOR_DEFINITION = 1.15;
	private static final double MEASURE_FOR_DEFINITION = 0.9;
	private static final double FAQ_OTHERWISE = 0.95;
	private static final double GLOSSARY_OTHERWISE = 0.65;
	/** The plan's background (国の動向, 市民調査): the measure answers how something is going. */
	private static final double BACKGROUND_OTHERWISE = 0.8;
	/** A measure whose items are rated: its text is all its items'; the item that matches says more. */
	private static final double CONTAINER = 0.75;
	private static final double INHERITED = 0.98;
	private static final double OTHER_CITY = 0.9;
	/** A question that is the unit's title word for word, over everything a preference takes off. */
	private static final double EXACT = 1.4;

	/**
	 * A candidate.
	 *
	 * @param coverage what it covers of the question ({@link Coverage})
	 * @param rank the coverage weighed by the preferences below, which orders the candidates
	 * @param confidence the rank, at most 1: the score results show and are cut by
	 * @param lucene Lucene's score relative to the best candidate's, which orders candidates of equal rank
	 */
	record Scored(Unit unit, double coverage, double rank, double confidence, double lucene) {

		static Scored of(Unit unit, double coverage, Understood understood, double lucene) {
			double rank = coverage * preference(unit, understood);
			return new Scored(unit, coverage, rank, Math.min(1, rank), lucene);
		}

		/** The question is this unit's title (or a FAQ entry's way of asking) word for word. */
		Scored exact() {
			double raised = rank * EXACT;
			return new Scored(unit, coverage, raised, Math.min(1, raised), lucene);
		}
	}

	private RankedSearch() {
	}

	static List<Scored> search(String question, Understood understood, IndexSnapshot snapshot) {
		if (understood.words().isEmpty()) {
			return List.of();
		}
		// Every writing of every word: the synonyms find their units, Coverage then says how well.
		String subject = understood.words().stream()
			.flatMap(w -> Stream.concat(Stream.of(w.text()), w.variants().stream())
				.filter(v -> w.reading() == null || !Kana.isHiragana(v)))
			.distinct()
			.collect(Collectors.joining(" "));
		// Words written in kana are looked for by their reading; every other word by its writings.
		String readings = understood.words().stream()
			.map(Word::reading)
			.filter(r -> r != null)
			.collect(Collectors.joining(" "));
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(new BooleanQuery.Builder()
			.add(boosted(text(snapshot, IndexBuilder.TITLE, subject), 3), Occur.SHOULD)
			.add(boosted(text(snapshot, IndexBuilder.BODY, subject), 1), Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().bigramQuery(), IndexBuilder.TITLE_BIGRAMS, subject), 1.5),
					Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().bigramQuery(), IndexBuilder.BODY_BIGRAMS, subject), 0.5),
					Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().reading(), IndexBuilder.TITLE_READING, readings), 1.5),
					Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().reading(), IndexBuilder.BODY_READING, readings), 0.5),
					Occur.SHOULD)
			.add(fuzzy(snapshot, understood.contentTokens()), Occur.SHOULD)
			.build(), Occur.MUST);
		if (understood.city() != null) {
			query.add(new BooleanQuery.Builder()
				.add(new TermQuery(new Term(IndexBuilder.CITY, MunicipalityName.key(understood.city().name()))),
						Occur.SHOULD)
				.add(new TermQuery(new Term(IndexBuilder.CITY, IndexBuilder.EVERY_CITY)), Occur.SHOULD)
				.build(), Occur.FILTER);
		}
		ScoreDoc[] top = topDocs(snapshot, query.build());
		if (top.length == 0) {
			return List.of();
		}
		Coverage coverage = new Coverage(understood.words(), snapshot);
		double best = top[0].score;
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < Math.min(SCORED, top.length); i++) {
			Unit unit = snapshot.unit(top[i].doc);
			Scored candidate = Scored.of(unit, coverage.of(unit), understood, top[i].score / best);
			scored.add(asked(unit, question) ? candidate.exact() : candidate);
		}
		scored = continued(scored, understood, snapshot, coverage);
		scored.sort(Comparator.comparingDouble(Scored::rank).thenComparingDouble(Scored::lucene).reversed());
		return scored;
	}

	/** Whether the question, as written, is one of the unit's titles (spaces and end punctuation aside). */
	private static boolean asked(Unit unit, String question) {
		String asked = bare(question);
		return !asked.isEmpty() && unit.titles().lines().anyMatch(title -> bare(title).equals(asked));
	}

	private static String bare(String text) {
		return JapaneseAnalysis.normalize(text).replaceAll("[\\s?？!！。]", "");
	}

	/**
	 * The candidates with one entry per answer: a measure of an earlier plan is left out after the current
	 * measure that continues it.
	 */
	static List<Scored> distinct(List<Scored> scored) {
		Set<String> seen = new HashSet<>();
		return scored.stream()
			.filter(s -> seen.add(s.unit().successor() != null ? s.unit().successor() : s.unit().id()))
			.toList();
	}

	/**
	 * Whether the question is about something the plans do not cover: it has a word of out-of-scope.txt (ごみ,
	 * 天気, 確定申告) that the best candidate does not have.
	 */
	static boolean outside(String question, IndexSnapshot snapshot, Scored best) {
		String text = JapaneseAnalysis.normalize(question).replaceAll("\\s+", "");
		Set<String> words = Coverage.terms(snapshot.analysis().text(), question);
		IndexSnapshot.UnitText unit = snapshot.text(best.unit());
		return snapshot.outOfScope().words().stream()
			.filter(w -> Coverage.found(w, text, words))
			.anyMatch(w -> !Coverage.found(w, unit.all(), unit.allWords()));
	}

	/**
	 * A measure of an earlier plan that the newest plan continues (the same title) stands for the current one
	 * too, unless a fiscal year is asked: its text (the older plan's words) leads to the current measure.
	 */
	private static List<Scored> continued(List<Scored> scored, Understood understood, IndexSnapshot snapshot,
			Coverage coverage) {
		if (understood.understanding().fiscalYear() != null || understood.understanding().plan() != null) {
			return scored;
		}
		Map<String, Scored> byId = new LinkedHashMap<>();
		scored.forEach(s -> byId.put(s.unit().id(), s));
		for (Scored older : List.copyOf(scored)) {
			String successor = older.unit().successor();
			if (successor == null) {
				continue;
			}
			snapshot.unit(successor).ifPresent(current -> {
				Scored own = byId.get(current.id());
				double coverageOwn = own != null ? own.coverage() : coverage.of(current);
				// a little less than the same words in its own text
				double inherited = older.coverage() * INHERITED;
				byId.put(current.id(), Scored.of(current, Math.max(coverageOwn, inherited), understood,
						own != null ? own.lucene() : older.lucene()));
			});
		}
		return new ArrayList<>(byId.values());
	}

	/**
	 * By default the city's newest plan comes first; a question about a fiscal year prefers the plans that
	 * cover it instead. Definitions prefer FAQ entries, other questions measures and items.
	 */
	private static double preference(Unit unit, Understood understood) {
		double factor = 1;
		Integer year = understood.understanding().fiscalYear();
		String plan = understood.understanding().plan();
		boolean preferred = plan != null ? unit.planId() == null || plan.equals(unit.planId())
				: year == null ? unit.newestPlan() : unit.period() == null || unit.period().covers(year);
		if (!preferred) {
			factor *= year == null && plan == null ? OLDER_PLAN : OTHER_YEARS;
		}
		if (understood.intent() == Intent.DEFINITION) {
			factor *= unit.isFaq() ? FAQ_FOR_DEFINITION : MEASURE_FOR_DEFINITION;
		}
		else if (unit.isFaq()) {
			// How a measure is going or when it starts is answered by the measure; a glossary entry on the
			// same word is second best.
			factor *= unit.isGlossary() ? GLOSSARY_OTHERWISE : unit.isBackground() ? BACKGROUND_OTHERWISE : FAQ_OTHERWISE;
		}
		if (unit.isContainer()) {
			factor *= CONTAINER;
		}
		if (unit.everyCity() && understood.city() != null
				&& !MunicipalityName.key(unit.municipality()).equals(MunicipalityName.key(understood.city().name()))) {
			// a term another city defines: the city's own definition, if it has one, comes first
			factor *= OTHER_CITY;
		}
		return factor;
	}

	private static ScoreDoc[] topDocs(IndexSnapshot snapshot, Query query) {
		try {
			return snapshot.searcher().search(query, CANDIDATES).scoreDocs;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Query text(IndexSnapshot snapshot, String field, String subject) {
		Query query = new QueryBuilder(snapshot.analysis().textQuery()).createBooleanQuery(field, subject);
		return query == null ? new BooleanQuery.Builder().build() : query;
	}

	private static Query terms(Analyzer analyzer, String field, String subject) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		Coverage.terms(analyzer, subject).stream()
			.limit(MAX_TERMS)
			.forEach(t -> query.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
		return query.build();
	}

	/** Small typos in longer words (デジタロ, instagarm) still reach the word in titles. */
	private static Query fuzzy(IndexSnapshot snapshot, List<String> tokens) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		tokens.stream()
			.filter(t -> t.length() >= 4)
			.limit(MAX_TERMS)
			.forEach(t -> query.add(snapshot.rewrite(new FuzzyQuery(new Term(IndexBuilder.TITLE, t), 1, 1)),
					Occur.SHOULD));
		return boosted(query.build(), 0.5);
	}

	private static Query boosted(Query query, double boost) {
		return new BoostQuery(query, (float) boost);
	}
}
