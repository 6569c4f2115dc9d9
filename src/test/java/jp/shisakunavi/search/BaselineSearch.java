package jp.shisakunavi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline the development set compares with: the stock JapaneseAnalyzer over title and text of the same
 * units, any word may match (OR), no query understanding; it answers whenever anything matches.
 */
final class BaselineSearch {

	private final JapaneseAnalyzer analyzer = new JapaneseAnalyzer();
	private final List<Unit> units;
	private final IndexSearcher searcher;

	BaselineSearch(List<Unit> units) {
		this.units = units;
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (int i = 0; i < units.size(); i++) {
				Document doc = new Document();
				doc.add(new StoredField("ord", i));
				doc.add(new TextField("text", units.get(i).titles() + "\n" + units.get(i).body(), Field.Store.NO));
				writer.addDocument(doc);
			}
			writer.commit();
			searcher = new IndexSearcher(DirectoryReader.open(directory));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	List<String> search(String question, int limit) {
		Query query = new QueryBuilder(analyzer).createBooleanQuery("text", question);
		if (query == null) {
			return List.of();
		}
		try {
			List<String> ids = new ArrayList<>();
			for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
				int ordinal = searcher.storedFields().document(hit.doc).getField("ord").numericValue().intValue();
				ids.add(units.get(ordinal).id());
			}
			return ids;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
