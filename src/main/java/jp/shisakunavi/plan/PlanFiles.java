package jp.shisakunavi.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import jp.shisakunavi.system.DataFileException;

/**
 * The data files the plans were loaded from (those shipped in {@code classpath:plans/}), to see and download as
 * they are. A file is read once, when first asked for: they are part of the application and do not change while it
 * runs.
 */
@Component
public class PlanFiles {

	private final PlanImporter importer;
	private volatile List<PlanDataFile> files;

	PlanFiles(PlanImporter importer) {
		this.importer = importer;
	}

	/**
	 * One plan's file.
	 *
	 * @param name the file's name as the loader reports it ({@code plans/tajimi-4.yaml})
	 * @param checksum SHA-256 of the content; the stored plan was loaded from exactly this file when it has the same
	 */
	public record PlanDataFile(String planId, String name, String checksum, byte[] content) {

		public String filename() {
			return name.substring(name.lastIndexOf('/') + 1);
		}

		public boolean loadedInto(Plan plan) {
			return checksum.equals(plan.checksum());
		}
	}

	public Optional<PlanDataFile> ofPlan(String planId) {
		return all().stream().filter(f -> f.planId().equals(planId)).findFirst();
	}

	public List<PlanDataFile> all() {
		List<PlanDataFile> read = files;
		if (read == null) {
			read = read();
			files = read;
		}
		return read;
	}

	private List<PlanDataFile> read() {
		List<PlanDataFile> read = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(BuiltinPlanLoader.LOCATION)) {
				String name = "plans/" + resource.getFilename();
				byte[] content;
				try (InputStream in = resource.getInputStream()) {
					content = in.readAllBytes();
				}
				try {
					PlanImporter.ValidatedPlan plan = importer.validate(name, content);
					read.add(new PlanDataFile(plan.plan().id(), name, plan.checksum(), content));
				}
				catch (DataFileException e) {
					// the loader reported it at start and loaded nothing from it: it is no plan's file
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The built-in plan files cannot be listed", e);
		}
		return List.copyOf(read);
	}
}
