package jp.shisakunavi.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jp.shisakunavi.linefake.FakeLine;

/**
 * Several instances of the service, each a process of its own, on one database (mongo-java-server in the test's
 * JVM, so that it outlives every instance) and one fake LINE: for tests that kill an instance in the middle.
 */
public final class Instances implements AutoCloseable {

	private final Path dir;
	private final MongoServer database = new MongoServer(new MemoryBackend());
	private final String uri = "mongodb://127.0.0.1:" + database.bind().getPort() + "/navi";
	private final FakeLine line = FakeLine.start();
	private final List<ServiceProcess> services = new ArrayList<>();

	public Instances(Path dir) {
		this.dir = dir;
	}

	/** The database's connection string, for the test to write and read it itself. */
	public String uri() {
		return uri;
	}

	public FakeLine line() {
		return line;
	}

	/** Starts an instance on the database and the fake LINE, with the main class's own further arguments. */
	public ServiceProcess start(String name, String mainClass, List<String> arguments) throws Exception {
		List<String> all = new ArrayList<>(List.of("--shisaku.mongodb-uri=" + uri));
		all.addAll(line.arguments());
		all.addAll(arguments);
		ServiceProcess service = ServiceProcess.start(dir, name, mainClass, all);
		services.add(service);
		return service;
	}

	@Override
	public void close() throws InterruptedException {
		for (ServiceProcess service : services) {
			service.close();
		}
		line.close();
		database.shutdown();
	}
}
