package jp.shisakunavi.notify;

import java.net.InetSocketAddress;

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
		MongoServer server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = server.bind();
		System.out.println("port=" + address.getPort());
		System.out.flush();
		Thread.currentThread().join();
	}
}
