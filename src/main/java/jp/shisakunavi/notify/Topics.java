package jp.shisakunavi.notify;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.Item;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.plan.RatingChange;

/**
 * What exists to be followed, how a topic reads, and which topics a rating change concerns. Read from the
 * {@link PlanCatalog}: the settings card and every follow or unfollow ask for labels.
 */
@Component
class Topics {

	private final PlanCatalog plans;
	private final Themes themes;

	Topics(PlanCatalog plans, Themes themes) {
		this.plans = plans;
		this.themes = themes;
	}

	/** The words for a topic; empty when it names nothing that exists (any more). */
	Optional<String> label(Topic topic) {
		return switch (topic.type()) {
			case CITY -> cities().contains(topic.value()) ? Optional.of(topic.value() + "のすべての施策") : Optional.empty();
			case THEME -> themes.available(topic.scope()).contains(topic.local())
					? Optional.of(topic.scope() + "・" + topic.local()) : Optional.empty();
			case PILLAR -> plans.plan(topic.scope())
				.flatMap(plan -> plan.pillar(topic.local()).map(p -> label(plan, p)));
			case DEPARTMENT -> departments(topic.scope()).contains(topic.local())
					? Optional.of(topic.scope() + "・" + topic.local()) : Optional.empty();
			case MEASURE -> unitTitle(topic.value());
		};
	}

	/** The city a topic belongs to; empty when it names nothing that exists (any more). */
	Optional<String> municipality(Topic topic) {
		return switch (topic.type()) {
			case CITY, THEME, DEPARTMENT -> Optional.of(topic.scope());
			case PILLAR -> plans.plan(topic.scope()).map(Plan::municipality);
			case MEASURE -> plans.measureHolding(topic.value()).map(Measure::municipality);
		};
	}

	List<String> cities() {
		return plans.plans().stream().map(Plan::municipality).distinct().toList();
	}

	List<String> themes(String municipality) {
		return themes.available(municipality);
	}

	/** The pillars of the city's plans with their words, newest plan first. */
	List<Followed> pillars(String municipality) {
		return plans.plans().stream()
			.filter(p -> p.municipality().equals(municipality))
			.sorted((a, b) -> Integer.compare(b.period().from(), a.period().from()))
			.flatMap(p -> p.pillars().stream()
				.map(pillar -> new Followed(Topic.pillar(p.id(), pillar.number()), label(p, pillar))))
			.toList();
	}

	/** The departments named in the city's plans, in the order they first appear. */
	List<String> departments(String municipality) {
		return plans.plans().stream()
			.filter(p -> p.municipality().equals(municipality))
			.flatMap(p -> plans.measuresOf(p.id()).stream())
			.flatMap(Measure::departmentNames)
			.distinct()
			.toList();
	}

	/** Every topic whose followers a change concerns. */
	List<String> keysOf(RatingChange change) {
		Stream<Topic> departments = Stream.concat(change.departments().stream(), Stream.ofNullable(change.department()))
			.distinct()
			.map(d -> Topic.department(change.municipality(), d));
		Stream<Topic> measureThemes = themes.of(change.measureId()).stream().map(t -> Topic.theme(change.municipality(), t));
		return Stream.of(
				Stream.of(Topic.city(change.municipality()), Topic.pillar(change.planId(), change.pillarNumber()),
						Topic.measure(change.measureId()), Topic.measure(change.unitId())),
				departments, measureThemes)
			.flatMap(s -> s)
			.map(Topic::key)
			.distinct()
			.toList();
	}

	private static String label(Plan plan, Pillar pillar) {
		return plan.municipality() + "・" + pillar.title();
	}

	private Optional<String> unitTitle(String id) {
		return plans.measureHolding(id).map(m -> m.id().equals(id) ? m.title()
				: m.items().filter(i -> i.id().equals(id)).map(Item::title).findFirst().orElse(m.title()));
	}
}
