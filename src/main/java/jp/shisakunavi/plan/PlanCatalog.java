package jp.shisakunavi.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The plans and measures held in memory for answering questions and for citizens' notification settings: they
 * change a few times a year, questions and taps come many times a second, and each database read of them costs
 * more than the search itself. The copy is dropped as soon as this instance writes plan data
 * ({@link PlanDataChanged}) and read again when next asked for; writes by another instance on the same database
 * are picked up by a re-read every {@code shisaku.plan.catalog-refresh} (default ten seconds).
 */
@Component
public class PlanCatalog {

	private final Plans plans;
	private final Object building = new Object();
	/** Counts invalidations, so that a re-read that started before a write cannot replace what follows it. */
	private long generation;
	private volatile Snapshot current;

	PlanCatalog(Plans plans) {
		this.plans = plans;
	}

	/** Plans whose import was completed, oldest period first per city (as {@link Plans#all()}). */
	public List<Plan> plans() {
		return snapshot().plans();
	}

	public Optional<Plan> plan(String id) {
		return snapshot().plan(id);
	}

	/** The measure that holds a measure or item id. */
	public Optional<Measure> measureHolding(String ratedId) {
		return snapshot().measureHolding(ratedId);
	}

	/** The measures of a plan in document order (as {@link Plans#measuresOf(String)}). */
	public List<Measure> measuresOf(String planId) {
		return snapshot().measuresOf(planId);
	}

	/** The municipalities that have plans, as the plan data names them, sorted. */
	public List<String> municipalities() {
		return plans().stream().map(Plan::municipality).distinct().sorted().toList();
	}

	/** The municipality a name means as people write it (茅ケ崎, 茅ヶ崎市, ちがさき), if it has plans. */
	public Optional<String> municipality(String written) {
		return plans().stream().filter(p -> MunicipalityName.matches(written, p.municipality(), p.municipalityKana()))
			.map(Plan::municipality).findFirst();
	}

	/**
	 * The data as held now. A snapshot never changes: the catalog moves to a new one after a write by this instance
	 * and on every re-read, so something computed from a snapshot stays right for as long as it is the current one.
	 */
	public Snapshot snapshot() {
		Snapshot snapshot = current;
		if (snapshot != null) {
			return snapshot;
		}
		synchronized (building) {
			snapshot = current;
			return snapshot != null ? snapshot : read();
		}
	}

	@EventListener
	void on(PlanDataChanged event) {
		synchronized (this) {
			generation++;
			current = null;
		}
	}

	@Scheduled(fixedDelayString = "${shisaku.plan.catalog-refresh:PT10S}",
			initialDelayString = "${shisaku.plan.catalog-refresh:PT10S}")
	void refresh() {
		read();
	}

	private Snapshot read() {
		long started;
		synchronized (this) {
			started = generation;
		}
		Snapshot next = Snapshot.of(plans.stored(), plans.measures());
		synchronized (this) {
			if (started == generation) {
				current = next;
			}
		}
		return next;
	}

	/** The plans and measures as read at one time; see {@link PlanCatalog#snapshot()}. */
	public static final class Snapshot {

		private final List<Plan> completed;
		private final Map<String, Plan> plans;
		private final Map<String, Measure> holders;
		private final Map<String, List<Measure>> measures;

		private Snapshot(List<Plan> completed, Map<String, Plan> plans, Map<String, Measure> holders,
				Map<String, List<Measure>> measures) {
			this.completed = completed;
			this.plans = plans;
			this.holders = holders;
			this.measures = measures;
		}

		/** @param measures in document order, as {@link Plans#measures()} gives them */
		static Snapshot of(List<Plan> stored, List<Measure> measures) {
			Map<String, Plan> byId = new HashMap<>();
			stored.forEach(p -> byId.put(p.id(), p));
			Map<String, Measure> holders = new HashMap<>();
			measures.forEach(m -> holders.put(m.id(), m));
			measures.forEach(m -> m.items().forEach(i -> holders.putIfAbsent(i.id(), m)));
			Map<String, List<Measure>> byPlan = new HashMap<>();
			measures.forEach(m -> byPlan.computeIfAbsent(m.planId(), id -> new ArrayList<>()).add(m));
			byPlan.replaceAll((id, ofPlan) -> List.copyOf(ofPlan));
			return new Snapshot(Plans.completed(stored), byId, holders, byPlan);
		}

		/** Plans whose import was completed, oldest period first per city. */
		public List<Plan> plans() {
			return completed;
		}

		public Optional<Plan> plan(String id) {
			return Optional.ofNullable(plans.get(id));
		}

		/** The measure that holds a measure or item id. */
		public Optional<Measure> measureHolding(String ratedId) {
			return Optional.ofNullable(holders.get(ratedId));
		}

		/** The measures of a plan in document order. */
		public List<Measure> measuresOf(String planId) {
			return measures.getOrDefault(planId, List.of());
		}
	}
}
