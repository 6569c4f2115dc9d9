package jp.shisakunavi.system;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-compatible server in a process of its own, for benchmarks that measure the service's memory
 * without the database's. Prints its port and runs until killed.
 */
public final class MongoServerProcess {

	private MongoServerProcess() {
	}

	public static void main(String[] args) throws InterruptedException {
		// without a configuration logback logs every command at DEBUG, which would slow the server down
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		MongoServer server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = server.bind();
		System.out.println("port=" + address.getPort());
		System.out.flush();
		Thread.currentThread().join();
	}
}
