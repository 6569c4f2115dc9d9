package jp.shisakunavi.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The in-process server, or nothing when a MongoDB URI is configured. */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

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

	static EmbeddedMongo start(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create DATA_DIR " + dataDir.toAbsolutePath(), e);
		}
		Path file = dataDir.resolve("shisakunavi.mv.db").toAbsolutePath();
		H2Backend backend = new H2IndexKeys.Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		server.bind(new InetSocketAddress("127.0.0.1", 0));
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
	 * survives a hard kill of the service. Callers at the same time share one commit.
	 */
	public void flush() {
		if (backend != null && backend.getMvStore().hasUnsavedChanges()) {
			backend.commit();
		}
	}

	@Override
	public void close() {
		if (server != null) {
			server.shutdown();
			LOG.info("Stopped the embedded MongoDB");
		}
	}
}
