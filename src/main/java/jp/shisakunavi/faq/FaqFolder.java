package jp.shisakunavi.faq;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.io.monitor.FileAlterationListenerAdaptor;
import org.apache.commons.io.monitor.FileAlterationMonitor;
import org.apache.commons.io.monitor.FileAlterationObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import jp.shisakunavi.system.DataFileException;
import jp.shisakunavi.system.ShisakuProperties;

/**
 * Keeps the FAQ in MongoDB equal to the files of the FAQ folder ({@code FAQ_DIR}, default {@code ./faq}): at
 * start-up and, while the service runs, within a second or two of any file being added, changed or deleted.
 * A broken file is reported with file, line and reason and skipped; the entry it had before stays. Without a
 * FAQ folder (a jar started elsewhere) the built-in copy inside the jar is loaded once.
 */
@Component
@Order(10)
class FaqFolder implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FaqFolder.class);
	private static final String BUILTIN = "builtin-faq/";

	private final Path folder;
	private final FaqEntries entries;
	private final ApplicationEventPublisher events;
	private final Duration pollInterval;
	private final FaqFileReader reader = new FaqFileReader();
	private final Map<String, String> reportedBroken = new java.util.HashMap<>();
	private FileAlterationMonitor monitor;

	FaqFolder(ShisakuProperties properties, FaqEntries entries, ApplicationEventPublisher events,
			@Value("${shisaku.faq.poll-interval:PT1S}") Duration pollInterval) {
		this.folder = properties.faqDir().toAbsolutePath().normalize();
		this.entries = entries;
		this.events = events;
		this.pollInterval = pollInterval;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		sync();
		if (Files.isDirectory(folder)) {
			watch();
		}
	}

	/** Brings the database in line with the files; returns what changed. */
	synchronized FaqChanged sync() {
		Map<String, FaqSource> files = Files.isDirectory(folder) ? readFolder() : readBuiltin();
		Map<String, String> stored = new LinkedHashMap<>();
		entries.all().forEach(e -> stored.put(e.id(), e.checksum()));
		int changed = 0;
		int broken = 0;
		for (FaqSource source : files.values()) {
			String checksum = FaqFileReader.checksum(source.content());
			if (checksum.equals(stored.get(source.id()))) {
				continue;
			}
			try {
				entries.save(reader.read(source.id(), source.name(), source.content()));
				changed++;
			}
			catch (DataFileException e) {
				broken++;
				if (!checksum.equals(reportedBroken.put(source.id(), checksum))) {
					log.error("Skipped a broken FAQ file (the entry keeps its previous version): {}", e.getMessage());
				}
			}
		}
		int removed = 0;
		for (String id : stored.keySet()) {
			if (!files.containsKey(id)) {
				entries.remove(id);
				removed++;
			}
		}
		log.info("FAQ: {} files, {} added or changed, {} removed, {} broken", files.size(), changed, removed, broken);
		FaqChanged result = new FaqChanged(changed, removed);
		if (changed + removed > 0) {
			events.publishEvent(result);
		}
		return result;
	}

	private Map<String, FaqSource> readFolder() {
		Map<String, FaqSource> files = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.filter(Files::isRegularFile).filter(FaqFolder::isYaml).sorted().forEach(path -> {
				String relative = folder.relativize(path).toString().replace(File.separatorChar, '/');
				try {
					files.put(idOf(relative), new FaqSource(idOf(relative), "faq/" + relative, Files.readAllBytes(path)));
				}
				catch (IOException e) {
					log.error("Cannot read FAQ file {}: {}", path, e.getMessage());
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list the FAQ folder " + folder, e);
		}
		return files;
	}

	private Map<String, FaqSource> readBuiltin() {
		Map<String, FaqSource> files = new LinkedHashMap<>();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUILTIN + "**/*.y*ml");
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				String relative = url.substring(url.lastIndexOf(BUILTIN) + BUILTIN.length());
				try (InputStream in = resource.getInputStream()) {
					files.put(idOf(relative), new FaqSource(idOf(relative), "faq/" + relative, in.readAllBytes()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the built-in FAQ", e);
		}
		log.info("No FAQ folder at {}: using the built-in FAQ", folder);
		return files;
	}

	private void watch() throws Exception {
		FileAlterationObserver observer = FileAlterationObserver.builder().setFile(folder.toFile()).get();
		observer.addListener(new FileAlterationListenerAdaptor() {
			private boolean dirty;

			@Override
			public void onFileCreate(File file) {
				dirty = true;
			}

			@Override
			public void onFileChange(File file) {
				dirty = true;
			}

			@Override
			public void onFileDelete(File file) {
				dirty = true;
			}

			@Override
			public void onStop(FileAlterationObserver ignored) {
				if (dirty) {
					dirty = false;
					try {
						sync();
					}
					catch (RuntimeException e) {
						log.error("Reloading the FAQ failed; will retry on the next change", e);
					}
				}
			}
		});
		monitor = new FileAlterationMonitor(pollInterval.toMillis(), observer);
		monitor.setThreadFactory(runnable -> Thread.ofPlatform().daemon().name("faq-watch").unstarted(runnable));
		monitor.start();
		log.info("Watching {} for FAQ changes", folder);
	}

	@Override
	public void destroy() throws Exception {
		if (monitor != null) {
			monitor.stop(0);
		}
	}

	private static boolean isYaml(Path path) {
		String name = path.getFileName().toString();
		return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
	}

	private static String idOf(String relativePath) {
		return relativePath.replaceFirst("\\.ya?ml$", "");
	}

	private record FaqSource(String id, String name, byte[] content) {
	}
}
