package jp.shisakunavi.system;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * The embedded server's H2 backend with cheaper index look-ups. H2 orders the keys of mongo-java-server's
 * unique indexes (including {@code _id}) by their Java-serialized bytes, and serializes both keys again at every
 * comparison: a look-up in an index of 100,000 keys serialized about 34 objects, and that was the largest single
 * cost of answering a LINE message. Here each key's bytes are computed once and kept while the key is in use.
 * The order is exactly H2's (the same bytes compared the same way), so files written before and after are the
 * same and read the same.
 */
final class H2IndexKeys extends ObjectDataType {

	/** Shared: the key objects are H2's own and are compared only with keys of the same index. */
	static final H2IndexKeys TYPE = new H2IndexKeys();

	private final Cache<KeyValue, byte[]> serialized = Caffeine.newBuilder().weakKeys().maximumSize(500_000).build();

	private H2IndexKeys() {
	}

	@Override
	public int compare(Object a, Object b) {
		if (a != b && a instanceof KeyValue left && b instanceof KeyValue right) {
			return compareNotNull(bytes(left), bytes(right));
		}
		return super.compare(a, b);
	}

	private byte[] bytes(KeyValue key) {
		return serialized.get(key, ObjectDataType::serialize);
	}

	/** The H2 backend whose databases open their index maps with {@link H2IndexKeys}. */
	static final class Backend extends H2Backend {

		Backend(String fileName) {
			super(fileName);
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new Database(databaseName);
		}

		/** An inner class: its backend (and store) is known while H2Database's constructor opens the indexes. */
		private final class Database extends H2Database {

			Database(String name) {
				super(name, Backend.this.getMvStore(), Backend.this.getCursorRegistry());
			}

			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				// Opened here first with the key type; H2Database then gets this same open map by its name.
				MVStore store = Backend.this.getMvStore();
				store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
						new MVMap.Builder<KeyValue, Object>().keyType(TYPE));
				return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
			}
		}
	}
}
