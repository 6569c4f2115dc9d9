package jp.shisakunavi.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jp.shisakunavi.faq.FaqChanged;
import jp.shisakunavi.faq.FaqEntries;
import jp.shisakunavi.faq.FaqEntry;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanDataChanged;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.system.ShisakuProperties;

/**
 * Keeps the current {@link IndexSnapshot}. It is built after the built-in data is loaded, and rebuilt off the
 * event thread when plans or FAQ entries change (changes arriving close together are merged into one rebuild)
 * or when an administrator edits the vocabulary files; the finished snapshot replaces the old one in one step.
 */
@Component
@Order(20)
class SearchIndex implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final Plans plans;
	private final FaqEntries faq;
	private final UnitPhrasings phrasings;
	/** The phrasings the current index was built with, to see another instance's additions. */
	private volatile Map<String, List<String>> indexedPhrasings = Map.of();
	private final Path vocabularyDir;
	private final Duration debounce;
	private final Duration vocabularyPoll;
	private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
	private final AtomicBoolean rebuildPending = new AtomicBoolean();
	/** The version of vocabulary files found broken, so that they are reported once, not at every poll. */
	private volatile String rejectedVersion;
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
			runnable -> Thread.ofPlatform().daemon().name("search-index").unstarted(runnable));

	SearchIndex(Plans plans, FaqEntries faq, UnitPhrasings phrasings, ShisakuProperties properties,
			@Value("${shisaku.search.vocabulary-dir:}") Path vocabularyDir,
			@Value("${shisaku.search.rebuild-delay:PT0.5S}") Duration debounce,
			@Value("${shisaku.search.vocabulary-poll:PT5S}") Duration vocabularyPoll) {
		this.plans = plans;
		this.faq = faq;
		this.phrasings = phrasings;
		this.vocabularyDir = vocabularyDir == null || vocabularyDir.toString().isEmpty()
				? properties.dataDir().resolve("search") : vocabularyDir;
		this.debounce = debounce;
		this.vocabularyPoll = vocabularyPoll;
	}

	@Override
	public void run(ApplicationArguments args) {
		rebuild();
		long poll = vocabularyPoll.toMillis();
		worker.scheduleWithFixedDelay(this::reloadVocabularyIfChanged, poll, poll, TimeUnit.MILLISECONDS);
	}

	/** The snapshot to search; an empty one until the first build has finished. */
	IndexSnapshot snapshot() {
		IndexSnapshot snapshot = current.get();
		if (snapshot == null) {
			synchronized (this) {
				if (current.get() == null) {
					rebuild();
				}
			}
			snapshot = current.get();
		}
		return snapshot;
	}

	@EventListener
	void on(PlanDataChanged event) {
		requestRebuild();
	}

	@EventListener
	void on(FaqChanged event) {
		requestRebuild();
	}

	@EventListener
	void on(UnitPhrasings.PhrasingsChanged event) {
		requestRebuild();
	}

	void requestRebuild() {
		if (rebuildPending.compareAndSet(false, true)) {
			worker.schedule(() -> {
				rebuildPending.set(false);
				rebuildSafely();
			}, debounce.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void reloadVocabularyIfChanged() {
		try {
			IndexSnapshot snapshot = current.get();
			String version = Vocabulary.load(vocabularyDir).version();
			if (snapshot != null && !version.equals(snapshot.vocabularyVersion()) && !version.equals(rejectedVersion)) {
				log.info("Search vocabulary in {} changed: rebuilding the index", vocabularyDir);
				rebuildSafely();
			}
			else if (snapshot != null && !phrasings.all().equals(indexedPhrasings)) {
				log.info("Phrasings of measures changed: rebuilding the index");
				rebuildSafely();
			}
		}
		catch (RuntimeException e) {
			log.error("Cannot read the search vocabulary in {}: {}", vocabularyDir, e.getMessage());
		}
	}

	private void rebuildSafely() {
		try {
			rebuild();
		}
		catch (RuntimeException e) {
			log.error("Rebuilding the search index failed; answers keep using the previous index", e);
		}
	}

	/**
	 * Builds a new snapshot and swaps it in. A broken vocabulary file is reported once and the previous index
	 * stays; at start-up, with no previous index, the built-in vocabulary is used until the file is fixed.
	 */
	synchronized void rebuild() {
		long start = System.nanoTime();
		Vocabulary vocabulary = Vocabulary.load(vocabularyDir);
		List<Plan> allPlans = plans.all();
		List<FaqEntry> entries = faq.all();
		Map<String, List<String>> phrased = phrasings.all();
		IndexSnapshot next;
		try {
			next = build(allPlans, plans::measuresOf, entries, vocabulary, phrased);
			rejectedVersion = null;
		}
		catch (IllegalArgumentException e) {
			rejectedVersion = vocabulary.version();
			log.error("The search vocabulary in {} is broken, fix it: {}", vocabularyDir, e.getMessage());
			if (current.get() != null) {
				return;
			}
			Vocabulary builtin = Vocabulary.defaults();
			next = build(allPlans, plans::measuresOf, entries, new Vocabulary(builtin.userDictionary(),
					builtin.synonyms(), builtin.dictionarySynonyms(), builtin.questionWords(), builtin.outOfScope(),
					vocabulary.version()), phrased);
		}
		indexedPhrasings = phrased;
		// Searches still holding the previous snapshot finish on it; it is garbage once they are done.
		current.set(next);
		log.info("Search index built: {} units in {} ms (vocabulary {})", next.size(),
				(System.nanoTime() - start) / 1_000_000, next.vocabularyVersion());
	}

	static IndexSnapshot build(List<Plan> plans, Function<String, List<Measure>> measuresOf,
			List<FaqEntry> faq, Vocabulary vocabulary) {
		return build(plans, measuresOf, faq, vocabulary, Map.of());
	}

	static IndexSnapshot build(List<Plan> plans, Function<String, List<Measure>> measuresOf,
			List<FaqEntry> faq, Vocabulary vocabulary, Map<String, List<String>> phrasings) {
		Map<Plan, List<Measure>> byPlan = new LinkedHashMap<>();
		plans.forEach(p -> byPlan.put(p, measuresOf.apply(p.id())));
		List<String> departments = byPlan.values().stream()
			.flatMap(List::stream)
			.flatMap(m -> Stream.concat(m.departmentNames(),
					m.items().flatMap(i -> i.departments().stream().map(d -> d.name()))))
			.distinct()
			.toList();
		Catalog catalog = Catalog.of(plans, departments);
		JapaneseAnalysis analysis = new JapaneseAnalysis(vocabulary);
		Lexicon lexicon = Lexicon.parse(vocabulary.synonyms(), vocabulary.dictionarySynonyms());
		List<Unit> units = IndexBuilder.units(byPlan, faq, catalog, phrasings);
		return new IndexSnapshot(IndexBuilder.index(units, analysis), units, catalog, analysis, lexicon,
				WordList.parse(vocabulary.questionWords()), WordList.parse(vocabulary.outOfScope()), vocabulary.version());
	}

	/**
	 * The snapshot with one FAQ entry in place of the one stored under its id (or added): the same vocabulary,
	 * catalog and other units, only the Lucene index built again.
	 */
	static IndexSnapshot withFaq(IndexSnapshot base, FaqEntry entry) {
		List<Unit> units = new ArrayList<>(base.units().stream()
			.filter(u -> !(u.isFaq() && u.id().equals(entry.id())))
			.toList());
		units.addAll(IndexBuilder.units(Map.of(), List.of(entry), base.catalog(), Map.of()));
		return new IndexSnapshot(IndexBuilder.index(units, base.analysis()), units, base.catalog(), base.analysis(),
				base.lexicon(), base.questionWords(), base.outOfScope(), base.vocabularyVersion());
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}
}
