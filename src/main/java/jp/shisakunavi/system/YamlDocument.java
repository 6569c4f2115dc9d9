package jp.shisakunavi.system;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML data file read twice: by Jackson into a tree to map onto records, and by SnakeYAML into nodes that
 * remember their line, so that any problem found later at a path (pillars[2].measures[4].title) can be
 * reported with the line where it is written.
 */
public final class YamlDocument {

	private final String file;
	private final JsonNode tree;
	private final Node nodes;

	private YamlDocument(String file, JsonNode tree, Node nodes) {
		this.file = file;
		this.tree = tree;
		this.nodes = nodes;
	}

	public static YamlDocument parse(String file, String text, ObjectMapper yaml) {
		try {
			JsonNode tree = yaml.readTree(text);
			if (tree == null || !tree.isObject()) {
				throw new DataFileException(file, 1, "expected a YAML mapping at the top of the file");
			}
			LoaderOptions options = new LoaderOptions();
			options.setCodePointLimit(16 * 1024 * 1024);
			Node nodes = new Yaml(options).compose(new java.io.StringReader(text));
			return new YamlDocument(file, tree, nodes);
		}
		catch (JsonProcessingException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			throw new DataFileException(file, line, "not valid YAML: " + e.getOriginalMessage());
		}
	}

	public JsonNode tree() {
		return tree;
	}

	public <T> T map(ObjectMapper mapper, Class<T> type) {
		try {
			return mapper.treeToValue(tree, type);
		}
		catch (JsonMappingException e) {
			List<Object> path = e.getPath().stream()
				.map(ref -> ref.getFieldName() != null ? (Object) ref.getFieldName() : (Object) ref.getIndex())
				.toList();
			throw problem(path, e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", ""));
		}
		catch (JsonProcessingException e) {
			throw new DataFileException(file, 0, e.getOriginalMessage());
		}
	}

	public DataFileException problem(List<Object> path, String reason) {
		String where = path.isEmpty() ? "" : describe(path) + ": ";
		return new DataFileException(file, lineOf(path), where + reason);
	}

	/** The 1-based line of the value at a path of keys and indexes, or of its nearest written parent. */
	public int lineOf(List<Object> path) {
		Node node = nodes;
		for (Object step : path) {
			Node next = child(node, step);
			if (next == null) {
				break;
			}
			node = next;
		}
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private static Node child(Node node, Object step) {
		if (node instanceof MappingNode mapping && step instanceof String key) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
					return tuple.getValueNode();
				}
			}
		}
		if (node instanceof SequenceNode sequence && step instanceof Integer index
				&& index >= 0 && index < sequence.getValue().size()) {
			return sequence.getValue().get(index);
		}
		return null;
	}

	private static String describe(List<Object> path) {
		StringBuilder text = new StringBuilder();
		for (Object step : path) {
			if (step instanceof Integer index) {
				text.append('[').append(index).append(']');
			}
			else {
				text.append(text.isEmpty() ? "" : ".").append(step);
			}
		}
		return text.toString();
	}
}
