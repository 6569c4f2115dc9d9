package jp.shisakunavi.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The plans and measures held in memory for answering questions: they change a few times a year, questions
 * come many times a second, and each database read of them costs more than the search itself. The copy is
 * dropped as soon as this instance writes plan data ({@link PlanDataChanged}) and read again on the next
 * question; writes by another instance on the same database are picked up by a re-read every
 * {@code shisaku.plan.catalog-refresh} (default ten seconds).
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
		return snapshot().completed();
	}

	public Optional<Plan> plan(String id) {
		return Optional.ofNullable(snapshot().plans().get(id));
	}

	/** The measure that holds a measure or item id. */
	public Optional<Measure> measureHolding(String ratedId) {
		return Optional.ofNullable(snapshot().holders().get(ratedId));
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

	private Snapshot snapshot() {
		Snapshot snapshot = current;
		if (snapshot != null) {
			return snapshot;
		}
		synchronized (building) {
			snapshot = current;
			return snapshot != null ? snapshot : read();
		}
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

	private record Snapshot(List<Plan> completed, Map<String, Plan> plans, Map<String, Measure> holders) {

		static Snapshot of(List<Plan> stored, List<Measure> measures) {
			Map<String, Plan> byId = new HashMap<>();
			stored.forEach(p -> byId.put(p.id(), p));
			Map<String, Measure> holders = new HashMap<>();
			measures.forEach(m -> holders.put(m.id(), m));
			measures.forEach(m -> m.items().forEach(i -> holders.putIfAbsent(i.id(), m)));
			return new Snapshot(Plans.completed(stored), byId, holders);
		}
	}
}
