package jp.shisakunavi.notify;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.plan.Section;

/**
 * The themes citizens can follow (防災・安全, 子育て …), defined by words in {@code notify/themes.yaml} and derived
 * from the plans: a measure belongs to a theme when one of its words appears in what the measure says about
 * itself. Computed once per {@link PlanCatalog.Snapshot snapshot} of the plans, as they are first asked for: again
 * after this instance writes plan data and after the catalog's re-read that sees another instance's writes.
 */
@Component
class Themes {

	private final List<Theme> themes = read();
	private final PlanCatalog catalog;
	private volatile Derived derived;

	Themes(PlanCatalog catalog) {
		this.catalog = catalog;
	}

	List<String> names() {
		return themes.stream().map(Theme::name).toList();
	}

	/** The themes of a measure (an item belongs to the themes of its measure). */
	Set<String> of(String measureId) {
		Derived held = derived();
		return held.plans().measureHolding(measureId)
			.filter(m -> m.id().equals(measureId))
			.map(m -> of(held, m, held.plans().plan(m.planId()).orElse(null)))
			.orElse(Set.of());
	}

	/** The themes that at least one measure of the city's plans belongs to, in the order of the file. */
	List<String> available(String municipality) {
		Derived held = derived();
		return held.byCity().computeIfAbsent(municipality, city -> {
			Set<String> found = held.plans().plans().stream()
				.filter(p -> p.municipality().equals(city))
				.flatMap(p -> held.plans().measuresOf(p.id()).stream().flatMap(m -> of(held, m, p).stream()))
				.collect(Collectors.toSet());
			return names().stream().filter(found::contains).toList();
		});
	}

	private Set<String> of(Derived held, Measure measure, Plan plan) {
		return held.byMeasure().computeIfAbsent(measure.id(), id -> compute(measure, plan));
	}

	/** What was computed from the catalog's current snapshot; started afresh when the catalog moves to a new one. */
	private Derived derived() {
		PlanCatalog.Snapshot plans = catalog.snapshot();
		Derived held = derived;
		if (held == null || held.plans() != plans) {
			held = new Derived(plans, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
			derived = held;
		}
		return held;
	}

	private Set<String> compute(Measure measure, Plan plan) {
		String text = Stream.of(
				Stream.of(measure.title()),
				plan == null ? Stream.<String>empty() : plan.pillar(measure.pillarNumber()).map(p -> p.title()).stream(),
				measure.tags().stream(),
				measure.sections().stream().map(Section::text),
				measure.items().map(i -> i.title()))
			.flatMap(s -> s)
			.filter(s -> s != null)
			.collect(Collectors.joining("\n"));
		Set<String> names = new LinkedHashSet<>();
		themes.stream().filter(t -> t.words().stream().anyMatch(text::contains)).forEach(t -> names.add(t.name()));
		return Set.copyOf(names);
	}

	private static List<Theme> read() {
		try (InputStream in = new ClassPathResource("notify/themes.yaml").getInputStream()) {
			return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Theme>>() {
			});
		}
		catch (IOException e) {
			throw new IllegalStateException("notify/themes.yaml is part of the application and must be readable", e);
		}
	}

	record Theme(String name, List<String> words) {
	}

	private record Derived(PlanCatalog.Snapshot plans, Map<String, Set<String>> byMeasure,
			Map<String, List<String>> byCity) {
	}
}
