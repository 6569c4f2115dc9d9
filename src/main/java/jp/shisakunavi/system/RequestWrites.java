package jp.shisakunavi.system;

import java.util.Set;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Notes, per request thread, whether the request has written to the database, so that its answer can wait until
 * those writes are on disk (see {@link DurableAnswers}). The driver runs its synchronous operations, and tells
 * its command listeners about them, on the calling thread.
 */
final class RequestWrites implements CommandListener {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "bulkWrite",
			"create", "createIndexes", "drop", "dropIndexes", "dropDatabase", "renameCollection");
	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	/** Starts noting the writes of the current thread; close the scope when the request ends. */
	static Scope begin() {
		Scope scope = new Scope();
		CURRENT.set(scope);
		return scope;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		Scope scope = CURRENT.get();
		if (scope != null && WRITES.contains(event.getCommandName())) {
			scope.wrote = true;
		}
	}

	/** The writes of one request not yet known to be on disk. */
	static final class Scope implements AutoCloseable {

		private boolean wrote;

		/** @return whether anything was written since the last call */
		boolean takeWrites() {
			boolean result = wrote;
			wrote = false;
			return result;
		}

		@Override
		public void close() {
			CURRENT.remove();
		}
	}
}
