package jp.shisakunavi.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The in-process server, or nothing when a MongoDB URI is configured. */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
	static final String FILE = "shisakunavi.mv.db";

	private final MongoServer server;
	private final H2Backend backend;
	private final String connectionString;

	private EmbeddedMongo(MongoServer server, H2Backend backend, String connectionString) {
		this.server = server;
		this.backend = backend;
		this.connectionString = connectionString;
	}

	static EmbeddedMongo none() {
		return new EmbeddedMongo(null, null, null);
	}

	/**
	 * @param restoreFrom a backup ({@link #backup}) to put in place of the database file before starting, the
	 *        file it replaces kept beside it; null to start on the file as it is
	 */
	static EmbeddedMongo start(Path dataDir, Path restoreFrom) {
		Path file = dataDir.resolve(FILE).toAbsolutePath();
		try {
			Files.createDirectories(dataDir);
			if (restoreFrom != null) {
				restore(restoreFrom, file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot prepare the database file " + file, e);
		}
		H2Backend backend = new H2IndexKeys.Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		// Loopback only: the embedded server has no authentication, and it is for one machine.
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		InetSocketAddress address = server.getLocalAddress();
		LOG.info("Started the embedded MongoDB on 127.0.0.1:{} with data in {}", address.getPort(), file);
		return new EmbeddedMongo(server, backend, "mongodb://127.0.0.1:" + address.getPort());
	}

	public boolean running() {
		return server != null;
	}

	String connectionString() {
		return connectionString;
	}

	/**
	 * Writes what was written so far to the file (the server otherwise commits about once a second), so that it
	 * survives a hard kill of the service. Always through the store's commit, which waits for a commit already
	 * under way (that one may not have reached the file yet) and costs little when nothing is left to write.
	 */
	public void flush() {
		if (backend != null) {
			backend.commit();
		}
	}

	/**
	 * Writes a consistent copy of the database file while the service runs: what was acknowledged is committed
	 * first, and while the file is copied the store only appends (H2's online backup), so the copy opens at the
	 * last commit before or during the copy.
	 */
	public void backup(OutputStream out) throws IOException {
		if (backend == null) {
			throw new IllegalStateException("No embedded database: back up the MongoDB server itself (mongodump)");
		}
		MVStore store = backend.getMvStore();
		flush();
		store.setReuseSpace(false);
		try {
			Files.copy(Path.of(store.getFileStore().getFileName()), out);
		}
		finally {
			store.setReuseSpace(true);
		}
	}

	private static void restore(Path backup, Path file) throws IOException {
		if (!Files.isRegularFile(backup)) {
			throw new IllegalArgumentException("No backup file at " + backup.toAbsolutePath());
		}
		// A file that is not a store fails here, before the current database is touched.
		MVStore.Builder check = new MVStore.Builder().fileName(backup.toAbsolutePath().toString()).readOnly();
		try (MVStore opened = check.open()) {
			LOG.info("Restoring {} ({} collections and indexes) into {}", backup, opened.getMapNames().size(), file);
		}
		if (Files.exists(file)) {
			Path kept = file.resolveSibling(FILE + ".before-restore-" + System.currentTimeMillis());
			Files.move(file, kept);
			LOG.info("The database file it replaces is kept as {}", kept);
		}
		Files.copy(backup, file);
	}

	@Override
	public void close() {
		if (server != null) {
			server.shutdown();
			LOG.info("Stopped the embedded MongoDB");
		}
	}
}
