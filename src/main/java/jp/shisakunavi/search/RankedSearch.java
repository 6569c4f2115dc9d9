package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
	private static final double OLDER_PLAN = 0.9;
	private static final double FAQ_FOR_DEFINITION = 1.15;
	private static final double MEASURE_FOR_DEFINITION = 0.95;
	private static final double FAQ_OTHERWISE = 0.9;

	record Scored(Unit unit, double confidence, double rank) {
	}

	private RankedSearch() {
	}

	static List<Scored> search(Understood understood, IndexSnapshot snapshot) {
		if (understood.contentTokens().isEmpty()) {
			return List.of();
		}
		String subject = String.join(" ", understood.contentTokens());
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(new BooleanQuery.Builder()
			.add(boosted(text(snapshot, IndexBuilder.TITLE, subject), 3), Occur.SHOULD)
			.add(boosted(text(snapshot, IndexBuilder.BODY, subject), 1), Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().bigramQuery(), IndexBuilder.TITLE_BIGRAMS, subject), 1.5),
					Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().bigramQuery(), IndexBuilder.BODY_BIGRAMS, subject), 0.5),
					Occur.SHOULD)
			.add(boosted(terms(snapshot.analysis().reading(), IndexBuilder.TITLE_READING, subject), 0.3),
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
		Coverage coverage = new Coverage(understood.contentTokens(), snapshot);
		double best = top[0].score;
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < Math.min(SCORED, top.length); i++) {
			Unit unit = snapshot.unit(top[i].doc);
			double confidence = coverage.of(unit);
			double rank = (0.75 * confidence + 0.25 * top[i].score / best) * preference(unit, understood);
			scored.add(new Scored(unit, confidence, rank));
		}
		scored.sort(Comparator.comparingDouble(Scored::rank).reversed());
		return scored;
	}

	/**
	 * By default the city's newest plan comes first; a question about a fiscal year prefers the plans that
	 * cover it instead. Definitions prefer FAQ entries, other questions measures and items.
	 */
	private static double preference(Unit unit, Understood understood) {
		double factor = 1;
		Integer year = understood.understanding().fiscalYear();
		boolean preferred = year == null ? unit.newestPlan() : unit.period() == null || unit.period().covers(year);
		if (!preferred) {
			factor *= OLDER_PLAN;
		}
		if (understood.intent() == Intent.DEFINITION) {
			factor *= unit.isFaq() ? FAQ_FOR_DEFINITION : MEASURE_FOR_DEFINITION;
		}
		else if (unit.isFaq()) {
			// How a measure is going or when it starts is answered by the measure; a glossary entry on the
			// same word is second best.
			factor *= FAQ_OTHERWISE;
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
