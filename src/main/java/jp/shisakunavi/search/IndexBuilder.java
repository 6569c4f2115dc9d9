package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import jp.shisakunavi.faq.FaqEntry;
import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.Item;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Project;
import jp.shisakunavi.plan.ScheduleEntry;
import jp.shisakunavi.plan.Section;

/**
 * Turns plans, measures and FAQ entries into an in-memory Lucene index. The built-in data is a few hundred
 * units and even 100,000 synthetic measures build in seconds (see the benchmark), so the index is rebuilt
 * from MongoDB rather than kept on disk: nothing to migrate, nothing to get out of step with the database.
 */
final class IndexBuilder {

	static final String TYPE = "type";
	static final String CITY = "city";
	static final String PLAN = "plan";
	static final String TITLE = "title";
	static final String TITLE_BIGRAMS = "title_bi";
	static final String TITLE_READING = "title_rd";
	static final String BODY_READING = "body_rd";
	static final String BODY = "body";
	static final String BODY_BIGRAMS = "body_bi";
	static final String DEPARTMENT = "department";
	static final String PILLAR = "pillar";
	static final String RATING = "rating";
	static final String FISCAL_YEAR = "fiscalYear";
	/** City field value of FAQ entries that hold for every city. */
	static final String EVERY_CITY = "*";

	private IndexBuilder() {
	}

	/**
	 * The units of the given plans (each with its measures) and FAQ entries; a measure's or item's phrasings
	 * ({@link UnitPhrasings}) are further titles of it, as a FAQ entry's alternates.
	 */
	static List<Unit> units(Map<Plan, List<Measure>> plans, List<FaqEntry> faq, Catalog catalog,
			Map<String, List<String>> phrasings) {
		List<Unit> units = new ArrayList<>();
		plans.forEach((plan, measures) -> {
			boolean newest = catalog.isNewest(plan);
			Unit.Period period = plan.period() == null ? null : new Unit.Period(plan.period().from(), plan.period().to());
			for (Measure measure : measures) {
				String pillar = plan.pillar(measure.pillarNumber()).map(p -> p.title()).orElse(null);
				units.add(new Unit(Unit.MEASURE, measure.id(), measure.id(), plan.municipality(), false, plan.id(),
						plan.title(), newest, pillar, measure.title(), phrasings.getOrDefault(measure.id(), List.of()),
						measureBody(measure),
						measure.departmentNames().toList(), measure.evaluations(), plan.ratingScheme(), period, List.of(),
						measure.items().findAny().isPresent(), null,
						join(Stream.of(latestProgress(measure.evaluations()), sectionTexts(measure.sections()),
								schedule(measure.schedule())))));
				for (Project project : measure.projects()) {
					for (Item item : project.items()) {
						List<String> departments = Stream.concat(item.departments().stream(),
								project.departments().stream()).map(d -> d.name()).distinct().toList();
						units.add(new Unit(Unit.ITEM, item.id(), measure.id(), plan.municipality(), false, plan.id(),
								plan.title(), newest, pillar, item.title(), phrasings.getOrDefault(item.id(), List.of()),
								join(Stream.of(project.title(), measure.title(), sections(item.sections()),
										progress(item.evaluations()))),
								departments, item.evaluations(), plan.ratingScheme(), period, List.of(), false, null,
								join(Stream.of(latestProgress(item.evaluations()), sectionTexts(item.sections())))));
					}
				}
			}
		});
		for (FaqEntry entry : faq) {
			units.add(new Unit(Unit.FAQ, entry.id(), null, entry.municipality(), entry.everyCity(), null, null, true, null,
					entry.question(), entry.alternates(), entry.answer(),
					List.of(), List.of(), null, null, entry.tags(), false, null, null));
		}
		return successors(units);
	}

	/**
	 * Links each measure or item of an earlier plan to the one of the city's newest plan with the same title
	 * (多治見市 第3次 → 第4次): a question about it that names no year is about the current one.
	 */
	private static List<Unit> successors(List<Unit> units) {
		List<Unit> newest = units.stream().filter(u -> !u.isFaq() && u.newestPlan()).toList();
		return units.stream()
			.map(u -> u.isFaq() || u.newestPlan() ? u : newest.stream()
				.filter(current -> continues(current, u))
				.findFirst()
				.map(current -> u.withSuccessor(current.id()))
				.orElse(u))
			.toList();
	}

	/**
	 * The same measure in the next plan: the same city and title, or the earlier title with a note added
	 * (マイナンバーカードを活用したサービスの検討(各種証明書のコンビニ交付等)).
	 */
	private static boolean continues(Unit current, Unit earlier) {
		String now = titleKey(current);
		String before = titleKey(earlier);
		return now.equals(before) || now.length() >= 8 && before.startsWith(now);
	}

	private static String titleKey(Unit unit) {
		return MunicipalityName.key(unit.municipality()) + "|"
				+ JapaneseAnalysis.normalize(unit.title()).replaceAll("[\\s()（）《》:：]", "");
	}

	static IndexSearcher index(List<Unit> units, JapaneseAnalysis analysis) {
		Analyzer analyzer = new PerFieldAnalyzerWrapper(analysis.text(),
				Map.of(TITLE_BIGRAMS, analysis.bigrams(), BODY_BIGRAMS, analysis.bigrams(), TITLE_READING,
						analysis.reading(), BODY_READING, analysis.reading()));
		// Each file in one buffer: a search clones its inputs for every term, and a clone of one buffer is cheap.
		ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
				ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			// Analysis (Kuromoji) dominates; IndexWriter takes documents from several threads.
			IntStream.range(0, units.size()).parallel().forEach(i -> add(writer, document(i, units.get(i))));
			// Read-only from here on: one segment, so that a search looks each term up once.
			writer.forceMerge(1);
			writer.commit();
			return new IndexSearcher(DirectoryReader.open(directory));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Building the in-memory index failed", e);
		}
	}

	private static void add(IndexWriter writer, Document document) {
		try {
			writer.addDocument(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Building the in-memory index failed", e);
		}
	}

	private static Document document(int ordinal, Unit unit) {
		Document doc = new Document();
		doc.add(new StoredField(IndexSnapshot.ORDINAL, ordinal));
		doc.add(new StringField(TYPE, unit.type(), Field.Store.NO));
		if (unit.municipality() != null) {
			doc.add(new StringField(CITY, MunicipalityName.key(unit.municipality()), Field.Store.NO));
		}
		if (unit.municipality() == null || unit.everyCity()) {
			doc.add(new StringField(CITY, EVERY_CITY, Field.Store.NO));
		}
		if (unit.planId() != null) {
			doc.add(new StringField(PLAN, unit.planId(), Field.Store.NO));
		}
		// A FAQ entry's question and its alternates are all titles: each is a way of asking for it.
		String title = unit.titles();
		String body = join(Stream.of(unit.body(), String.join(" ", unit.departments())));
		doc.add(new TextField(TITLE, title, Field.Store.NO));
		doc.add(new TextField(TITLE_BIGRAMS, title, Field.Store.NO));
		doc.add(new TextField(TITLE_READING, title, Field.Store.NO));
		doc.add(new TextField(BODY, body, Field.Store.NO));
		doc.add(new TextField(BODY_BIGRAMS, body, Field.Store.NO));
		doc.add(new TextField(BODY_READING, body, Field.Store.NO));
		unit.departments().forEach(d -> doc.add(new StringField(DEPARTMENT, d, Field.Store.NO)));
		if (unit.pillar() != null) {
			doc.add(new StringField(PILLAR, unit.pillar(), Field.Store.NO));
		}
		// The latest rating and its fiscal year let a Lucene query filter by them; lists need ratings as of any
		// year and use the full history kept in Unit.
		List<Evaluation> latest = unit.evaluationsAsOf(null);
		latest.forEach(e -> doc.add(new StringField(RATING, e.rating(), Field.Store.NO)));
		if (!latest.isEmpty()) {
			doc.add(new IntField(FISCAL_YEAR, latest.getFirst().fiscalYear(), Field.Store.NO));
		}
		return doc;
	}

	private static String measureBody(Measure measure) {
		return join(Stream.of(String.join("\n", measure.targets()), measure.direction(),
				String.join(" ", measure.tags()), sections(measure.sections()), schedule(measure.schedule()),
				progress(measure.evaluations()),
				measure.projects().stream().map(Project::title).collect(Collectors.joining("\n"))));
	}

	private static String sections(List<Section> sections) {
		return sections.stream().map(s -> s.kind() + " " + s.text()).collect(Collectors.joining("\n"));
	}

	private static String sectionTexts(List<Section> sections) {
		return sections.stream().map(Section::text).collect(Collectors.joining("\n"));
	}

	private static String schedule(List<ScheduleEntry> schedule) {
		return schedule.stream().map(s -> s.text()).collect(Collectors.joining("\n"));
	}

	/** The progress text of the newest fiscal year that has one. */
	private static String latestProgress(List<Evaluation> evaluations) {
		return evaluations.stream()
			.filter(e -> e.progress() != null && !e.progress().isBlank())
			.max(Comparator.comparingInt(Evaluation::fiscalYear))
			.map(Evaluation::progress)
			.orElse(null);
	}

	private static String progress(List<Evaluation> evaluations) {
		return evaluations.stream()
			.flatMap(e -> Stream.of(e.progress(), e.nextPlan()))
			.filter(t -> t != null && !t.isBlank())
			.collect(Collectors.joining("\n"));
	}

	private static String join(Stream<String> parts) {
		return parts.filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("\n"));
	}
}
