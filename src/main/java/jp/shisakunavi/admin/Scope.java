package jp.shisakunavi.admin;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import jp.shisakunavi.notify.DeliveryReport;
import jp.shisakunavi.notify.Topic;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.plan.RatingChange;
import jp.shisakunavi.plan.RatingChanges;

/**
 * The municipalities an admin request concerns, for the permission check and the audit log, named as the plan
 * data names them. An empty scope means every municipality (an announcement to all followers). Public for the
 * console's pages in the sub-packages of {@code admin}.
 */
@Component
public class Scope {

	private final PlanCatalog catalog;
	private final RatingChanges changes;

	Scope(PlanCatalog catalog, RatingChanges changes) {
		this.catalog = catalog;
		this.changes = changes;
	}

	/** The municipalities as written in rows (茅ケ崎市, 茅ヶ崎): the plan data's name where one matches. */
	public Set<String> named(Collection<String> written) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : written) {
			if (name != null && !name.isBlank()) {
				names.add(catalog.municipality(name).orElse(name.strip()));
			}
		}
		return names;
	}

	public Set<String> ofPlan(String planId) {
		return catalog.plan(planId).map(p -> Set.of(p.municipality())).orElse(Set.of());
	}

	public Set<String> ofChange(String changeId) {
		return changes.find(changeId).map(c -> Set.of(c.municipality())).orElse(Set.of());
	}

	/** The cities of the topics (a topic naming nothing known adds its written city, if any). */
	public Set<String> ofTopics(Collection<String> topicKeys) {
		Set<String> names = new LinkedHashSet<>();
		for (String key : topicKeys) {
			Topic.parse(key).ifPresent(topic -> {
				String value = topic.value();
				String city = switch (topic.type()) {
					case CITY -> value;
					case THEME, DEPARTMENT -> value.substring(0, value.indexOf('/'));
					case PILLAR -> catalog.plan(value.substring(0, value.indexOf('/'))).map(Plan::municipality).orElse(null);
					case MEASURE -> catalog.measureHolding(value).map(Measure::municipality).orElse(null);
				};
				if (city != null) {
					names.addAll(named(List.of(city)));
				}
			});
		}
		return names;
	}

	/** A delivery's cities: its changes' or its announcement's segment (empty: an announcement to everyone). */
	public Set<String> ofDelivery(DeliveryReport delivery) {
		if (!delivery.changeIds().isEmpty()) {
			Set<String> names = new LinkedHashSet<>();
			changes.find(delivery.changeIds()).stream().map(RatingChange::municipality).forEach(names::add);
			return names;
		}
		return ofTopics(delivery.segment());
	}
}
