package dev.omnigraph.console.cluster.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks upstream runs on {@code cluster.yaml} text before the strict parse
 * ({@code config.rs::parse_cluster_config}):
 *
 * <ul>
 *   <li>{@link #duplicateKeys} — {@code lib.rs::duplicate_key_diagnostics}: a line-based scan with
 *       an indentation stack; comments stripped by {@code strip_comment} (a {@code #} inside single
 *       or double quotes is not a comment); each {@code - } sequence item opens its own key scope
 *       (path {@code parent[]}); the key is the text before the first {@code :}, trimmed; flow
 *       keys starting with {@code {} or {@code [} are skipped. Error {@code duplicate_yaml_key}
 *       whose path is the dotted key path and whose message names the 1-based line.</li>
 *   <li>{@link #futureFields} — {@code config.rs::future_field_diagnostics}: reserved top-level keys
 *       → {@code future_phase_field}.</li>
 *   <li>{@link #removedFields} — {@code config.rs::removed_field_diagnostics}:
 *       {@code graphs.<id>.streaming} → {@code removed_streaming_declaration}.</li>
 * </ul>
 * The last two look at the document as a {@code serde_yaml::Value}; when that parse fails
 * (malformed YAML, duplicate keys) they report nothing, exactly like upstream.
 */
final class ClusterYamlPreChecks {

    private static final String CLUSTER_CONFIG_FILE = ClusterConfigReader.CLUSTER_CONFIG_FILE;

    static final List<String> FUTURE_FIELDS = List.of("apply", "env_file", "pipelines", "embeddings", "ui",
            "aliases", "bindings");

    private ClusterYamlPreChecks() {
    }

    /**
     * A line over {@link WireLimits#CLUSTER_YAML_MAX_LINE_CHARS} characters, reported before any YAML
     * parsing (ours, not upstream's: it keeps a hostile file from costing quadratic parse time).
     */
    static Diagnostic overlongLine(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int length = i - start;
                if (length > WireLimits.CLUSTER_YAML_MAX_LINE_CHARS) {
                    return Diagnostic.error("invalid_cluster_yaml", CLUSTER_CONFIG_FILE,
                            "cluster.yaml line " + line + " is " + length + " characters long; lines over "
                                    + WireLimits.CLUSTER_YAML_MAX_LINE_CHARS + " characters are refused");
                }
                line++;
                start = i + 1;
            }
        }
        return null;
    }

    private record Frame(int indent, String path, Set<String> keys) {
    }

    static List<Diagnostic> duplicateKeys(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(-1, "", new HashSet<>()));
        List<String> lines = rustLines(text);
        for (int lineIdx = 0; lineIdx < lines.size(); lineIdx++) {
            String line = stripComment(lines.get(lineIdx));
            if (RustStrings.trim(line).isEmpty()) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String trimmed = RustStrings.trimStart(line);
            if (trimmed.equals("-") || trimmed.startsWith("- ")) {
                while (indent <= stack.peek().indent()) {
                    stack.pop();
                }
                Frame parent = stack.peek();
                String itemPath = parent.path().isEmpty() ? "[]" : parent.path() + "[]";
                stack.push(new Frame(indent, itemPath, new HashSet<>()));
                String item = RustStrings.trimStart(trimmed.substring(1));
                if (item.isEmpty()) {
                    continue;
                }
                trimmed = item;
            } else {
                while (indent <= stack.peek().indent()) {
                    stack.pop();
                }
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = RustStrings.trim(trimmed.substring(0, colon));
            String rawValue = trimmed.substring(colon + 1);
            if (key.isEmpty() || key.startsWith("{") || key.startsWith("[")) {
                continue;
            }
            Frame parent = stack.peek();
            String fullPath = parent.path().isEmpty() ? key : parent.path() + "." + key;
            if (!parent.keys().add(key)) {
                diagnostics.add(Diagnostic.error("duplicate_yaml_key", fullPath,
                        "key `" + key + "` appears a second time, on line " + (lineIdx + 1)));
            }
            if (RustStrings.trim(rawValue).isEmpty()) {
                stack.push(new Frame(indent, fullPath, new HashSet<>()));
            }
        }
        return diagnostics;
    }

    /** {@code strip_comment}: cut at the first {@code #} outside quotes; backslash escapes only in double quotes. */
    static String stripComment(String line) {
        boolean inSingle = false;
        boolean inDouble = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (ch == '\\' && inDouble) {
                escaped = true;
            } else if (ch == '\'' && !inDouble) {
                inSingle = !inSingle;
            } else if (ch == '"' && !inSingle) {
                inDouble = !inDouble;
            } else if (ch == '#' && !inSingle && !inDouble) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static List<Diagnostic> futureFields(YamlTreeReader.Document document) {
        if (document.duplicateKeys() || !(document.root() instanceof YamlNode.Mapping mapping)) {
            return List.of();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = stringKey(entry.key());
            if (key != null && FUTURE_FIELDS.contains(key)) {
                diagnostics.add(Diagnostic.error("future_phase_field", key,
                        "top-level key `" + key + "` is reserved for a future release and not accepted yet"));
            }
        }
        return diagnostics;
    }

    static List<Diagnostic> removedFields(YamlTreeReader.Document document) {
        if (document.duplicateKeys() || !(document.root() instanceof YamlNode.Mapping mapping)) {
            return List.of();
        }
        YamlNode graphs = null;
        for (YamlNode.Entry entry : mapping.entries()) {
            if ("graphs".equals(stringKey(entry.key()))) {
                graphs = entry.value();
            }
        }
        if (!(graphs instanceof YamlNode.Mapping graphMap)) {
            return List.of();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (YamlNode.Entry graph : graphMap.entries()) {
            String id = stringKey(graph.key());
            if (id == null || !(graph.value() instanceof YamlNode.Mapping decl)) {
                continue;
            }
            boolean hasStreaming = decl.entries().stream().anyMatch(e -> "streaming".equals(stringKey(e.key())));
            if (hasStreaming) {
                diagnostics.add(Diagnostic.error("removed_streaming_declaration", "graphs." + id + ".streaming",
                        "graphs." + id + ".streaming is no longer supported; remove the key. A graph created with a "
                                + "streaming declaration has to be exported with the build that wrote it and rebuilt."));
            }
        }
        return diagnostics;
    }

    /** {@code Value::as_str} of a key: only string-typed scalars. */
    private static String stringKey(YamlNode key) {
        return key instanceof YamlNode.Scalar scalar && YamlScalars.resolve(scalar) == YamlScalars.Type.STRING
                ? scalar.value() : null;
    }

    /** Rust {@code str::lines}: split on {@code \n}, drop one trailing {@code \r} per line, no final empty line. */
    static List<String> rustLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return lines;
    }
}
