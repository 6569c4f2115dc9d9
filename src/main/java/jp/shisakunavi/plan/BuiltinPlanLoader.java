package jp.shisakunavi.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import jp.shisakunavi.system.DataFileException;

/**
 * Keeps the plans shipped in {@code classpath:plans/*.yaml} in the database: an empty database is filled with
 * them; a plan stored from the same file (by its checksum) is left alone; a plan stored from an earlier version of
 * its file (corrected texts in a new release), or whose import was interrupted, is written again with the file's
 * texts and the ratings the database holds ({@link StoredRatings}), so evaluations entered since are never lost.
 * A broken file is reported with file, line and reason and skipped; the database keeps what it had.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BuiltinPlanLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BuiltinPlanLoader.class);
	static final String LOCATION = "classpath:plans/*.yaml";

	private final Plans plans;
	private final PlanImporter importer;
	private final RatingChanges changes;
	private final EvaluationRequests requests;

	BuiltinPlanLoader(Plans plans, PlanImporter importer, RatingChanges changes, EvaluationRequests requests) {
		this.plans = plans;
		this.importer = importer;
		this.changes = changes;
		this.requests = requests;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		plans.ensureIndexes();
		changes.ensureIndexes();
		requests.ensureIndexes();
		changes.fillAppliedAt();
		List<PlanImporter.ValidatedPlan> valid = validateAll(builtinFiles());
		int loaded = 0;
		int updated = 0;
		for (PlanImporter.ValidatedPlan plan : valid) {
			Optional<Plan> stored = plans.plan(plan.plan().id());
			if (stored.filter(p -> p.importComplete() && plan.checksum().equals(p.checksum())).isPresent()) {
				continue;
			}
			try {
				importer.write(plan);
			}
			catch (IllegalStateException e) {
				log.error("Skipped {} until the next start: {}", plan.file(), e.getMessage());
				continue;
			}
			if (stored.filter(Plan::importComplete).isPresent()) {
				updated++;
			}
			else {
				loaded++;
			}
		}
		log.info("Built-in plans: {} files valid, {} loaded, {} updated from a changed file (ratings kept), {} unchanged",
				valid.size(), loaded, updated, valid.size() - loaded - updated);
	}

	private static Resource[] builtinFiles() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
		Arrays.sort(files, Comparator.comparing(Resource::getFilename));
		return files;
	}

	private List<PlanImporter.ValidatedPlan> validateAll(Resource[] files) throws IOException {
		List<PlanImporter.ValidatedPlan> valid = new ArrayList<>();
		Map<String, String> owners = new HashMap<>();
		for (Resource file : files) {
			String name = "plans/" + file.getFilename();
			try (InputStream in = file.getInputStream()) {
				PlanImporter.ValidatedPlan plan = importer.validate(name, in.readAllBytes());
				String clash = firstClash(plan, name, owners);
				if (clash != null) {
					log.error("Skipped {}: {}", name, clash);
					continue;
				}
				valid.add(plan);
			}
			catch (DataFileException e) {
				log.error("Skipped a broken plan file: {}", e.getMessage());
			}
		}
		return valid;
	}

	private static String firstClash(PlanImporter.ValidatedPlan plan, String file, Map<String, String> owners) {
		List<String> ids = new ArrayList<>();
		ids.add("plan " + plan.plan().id());
		plan.plan().measures().forEach(m -> {
			ids.add(m.id());
			m.items().forEach(i -> ids.add(i.id()));
		});
		for (String id : ids) {
			String owner = owners.get(id);
			if (owner != null) {
				return "id " + id + " is already used in " + owner;
			}
		}
		ids.forEach(id -> owners.put(id, file));
		return null;
	}
}
