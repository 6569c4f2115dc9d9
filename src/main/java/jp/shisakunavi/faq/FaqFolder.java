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
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import jp.shisakunavi.system.ShisakuProperties;

/**
 * Reads the seed folder ({@code FAQ_DIR}, default {@code ./faq}) at start-up and, while the service runs, within a
 * second or two of any file being added, changed or deleted, and hands the files to {@link FaqSeed}, which
 * decides what each means for its entry. A broken file is reported with file, line and reason (in the log and in
 * the console) and skipped; the entry keeps what it had. Without a FAQ folder (a jar started elsewhere) the
 * built-in copy inside the jar is the seed, read once.
 */
@Component
@Order(10)
class FaqFolder implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FaqFolder.class);
	private static final String BUILTIN = "builtin-faq/";

	private final Path folder;
	private final FaqSeed seed;
	private final FaqStore store;
	private final FaqRecords records;
	private final Duration pollInterval;
	private FileAlterationMonitor monitor;

	FaqFolder(ShisakuProperties properties, FaqSeed seed, FaqStore store, FaqRecords records,
			@Value("${shisaku.faq.poll-interval:PT1S}") Duration pollInterval) {
		this.folder = properties.faqDir().toAbsolutePath().normalize();
		this.seed = seed;
		this.store = store;
		this.records = records;
		this.pollInterval = pollInterval;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long dropped = records.dropPreviousFormat();
		if (dropped > 0) {
			log.info("FAQ: {} entries of the previous release's format are read again from their files", dropped);
		}
		int repaired = store.repairHistory();
		if (repaired > 0) {
			log.info("FAQ: wrote the newest version of {} entries whose history missed it", repaired);
		}
		sync();
		if (Files.isDirectory(folder)) {
			watch();
		}
	}

	/** Brings the seed files into the database; returns the number of entries written. */
	synchronized int sync() {
		Map<String, SeedFile> files = Files.isDirectory(folder) ? readFolder() : readBuiltin();
		int written = seed.apply(files);
		log.info("FAQ: {} files, {} entries written, {} broken", files.size(), written, seed.brokenFiles().size());
		if (written > 0) {
			store.publish();
		}
		return written;
	}

	/** The seed files that could not be read, with the line and reason, as found at the last look. */
	Map<String, String> brokenFiles() {
		return seed.brokenFiles();
	}

	private Map<String, SeedFile> readFolder() {
		Map<String, SeedFile> files = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.filter(Files::isRegularFile).filter(FaqFolder::isYaml).sorted().forEach(path -> {
				String relative = folder.relativize(path).toString().replace(File.separatorChar, '/');
				try {
					files.put(idOf(relative), new SeedFile(idOf(relative), "faq/" + relative, Files.readAllBytes(path)));
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

	private Map<String, SeedFile> readBuiltin() {
		Map<String, SeedFile> files = new LinkedHashMap<>();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUILTIN + "**/*.y*ml");
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				String relative = url.substring(url.lastIndexOf(BUILTIN) + BUILTIN.length());
				try (InputStream in = resource.getInputStream()) {
					files.put(idOf(relative), new SeedFile(idOf(relative), "faq/" + relative, in.readAllBytes()));
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
}
