package org.cristal.story;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into plain values that remember their line. We compose nodes rather than construct
 * objects so that every value keeps its position (for messages that point at a line), no type tag
 * ever instantiates a class, and alias bombs are cut off by SnakeYAML's alias limit and our own
 * node budget.
 */
final class YamlTree {
    /** Front matter and brand kits are small; anything bigger than this is not one of them. */
    private static final int MAX_NODES = 20_000;

    /** A value (String, List of Value, or Map of String to Value; null for YAML null) and its line. */
    record Value(Object value, int line) {
        boolean isNull() {
            return value == null;
        }
    }

    private YamlTree() {
    }

    /**
     * Parses a YAML mapping. {@code firstLine} is the 1-based file line of the YAML's first line.
     * An empty document gives an empty map.
     */
    static Map<String, Value> readMapping(String yaml, int firstLine) throws StoryFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1_000_000);
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // "Unexpected end of stream" points past the text; where the unclosed thing began helps more.
            if (e.getContextMark() != null && (mark == null || mark.getIndex() >= yaml.length() - 1)) {
                mark = e.getContextMark();
            }
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            String problem = e.getProblem() == null ? "" : e.getProblem();
            throw new StoryFormatException("yaml.error.syntax", line, problem);
        } catch (YAMLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("aliases")) {
                throw new StoryFormatException("yaml.error.aliases", firstLine);
            }
            throw new StoryFormatException("yaml.error.syntax", firstLine, msg);
        } catch (RuntimeException e) {
            throw new StoryFormatException("yaml.error.syntax", firstLine, String.valueOf(e.getMessage()));
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode)) {
            throw new StoryFormatException("yaml.error.notMapping", line(root, firstLine));
        }
        int[] budget = {MAX_NODES};
        @SuppressWarnings("unchecked")
        Map<String, Value> map = (Map<String, Value>) convert(root, firstLine, budget).value();
        return map;
    }

    private static Value convert(Node node, int firstLine, int[] budget) throws StoryFormatException {
        if (--budget[0] < 0) {
            throw new StoryFormatException("yaml.error.aliases", line(node, firstLine));
        }
        int line = line(node, firstLine);
        if (node instanceof ScalarNode scalar) {
            if (Tag.NULL.equals(scalar.getTag())) {
                return new Value(null, line);
            }
            return new Value(scalar.getValue(), line);
        }
        if (node instanceof SequenceNode seq) {
            List<Value> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, firstLine, budget));
            }
            return new Value(items, line);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Value> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw new StoryFormatException("yaml.error.badKey", line(keyNode, firstLine));
            }
            if (map.containsKey(key.getValue())) {
                throw new StoryFormatException("yaml.error.duplicateKey", line(keyNode, firstLine), key.getValue());
            }
            map.put(key.getValue(), convert(tuple.getValueNode(), firstLine, budget));
        }
        return new Value(map, line);
    }

    private static int line(Node node, int firstLine) {
        return node.getStartMark() == null ? firstLine : firstLine + node.getStartMark().getLine();
    }

    /** Strips positions, for values kept as they are (unknown front-matter keys). */
    static Object plain(Value v) {
        Object o = v.value();
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(plain((Value) item));
            }
            return out;
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put((String) k, plain((Value) val)));
            return out;
        }
        return o;
    }

    // ---- typed accessors with precise errors ----

    static String text(Map<String, Value> map, String key) throws StoryFormatException {
        Value v = map.get(key);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!(v.value() instanceof String s)) {
            throw new StoryFormatException("yaml.error.notText", v.line(), key);
        }
        return s;
    }

    static List<String> textList(Map<String, Value> map, String key) throws StoryFormatException {
        Value v = map.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.value() instanceof String s) {
            // "tags: a, b" is a common slip; read it the way the author meant it.
            List<String> out = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!(v.value() instanceof List<?> list)) {
            throw new StoryFormatException("yaml.error.notList", v.line(), key);
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            Value item = (Value) o;
            if (item.isNull()) {
                continue;
            }
            if (!(item.value() instanceof String s)) {
                throw new StoryFormatException("yaml.error.notText", item.line(), key);
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Value> mapping(Map<String, Value> map, String key) throws StoryFormatException {
        Value v = map.get(key);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!(v.value() instanceof Map<?, ?> m)) {
            throw new StoryFormatException("yaml.error.notMapping.key", v.line(), key);
        }
        return (Map<String, Value>) m;
    }

    /** A mapping of text to text, e.g. {@code preferred: {a: b}} or {@code social: {x: "@a"}}. */
    static Map<String, String> textMap(Map<String, Value> map, String key) throws StoryFormatException {
        Map<String, Value> m = mapping(map, key);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : m.entrySet()) {
            out.put(e.getKey(), text(m, e.getKey()));
        }
        return out;
    }
}
