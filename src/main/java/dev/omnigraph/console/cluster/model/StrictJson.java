package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Strict JSON reading with {@code serde_json}'s acceptance rules, producing a Jackson tree the
 * typed readers then walk by hand.
 *
 * <ul>
 *   <li>Bytes must be strict UTF-8 (upstream decodes stored objects with {@code String::from_utf8}
 *       before parsing); a leading byte-order mark is not JSON.</li>
 *   <li>Nesting deeper than {@link WireLimits#MAX_JSON_DEPTH} fails (serde_json recursion limit),
 *       checked iteratively, so hostile input cannot overflow the stack.</li>
 *   <li>Duplicate keys in one object fail. (serde rejects them for struct fields with "duplicate
 *       field"; for free-form maps serde keeps the last value — the console is stricter there.)</li>
 *   <li>Numbers are typed the way serde_json's parser types them: integers that fit u64/i64 stay
 *       integers ({@link LongNode}, or {@link BigIntegerNode} above {@code i64::MAX}); {@code -0},
 *       integers outside the 64-bit ranges and every number with a fraction or exponent are floats
 *       ({@link DoubleNode}); a float outside the f64 range ({@code 1e400}) fails.</li>
 *   <li>Strings with unpaired surrogate escapes fail (serde_json: "lone leading surrogate").</li>
 *   <li>Anything after the top-level value fails ("trailing characters").</li>
 * </ul>
 */
final class StrictJson {

    /**
     * What is being parsed, for diagnostics.
     *
     * @param parseCode code for syntax/shape errors, e.g. {@code invalid_state_json}
     * @param readCode  code for input that cannot be read as text at all (oversize, not UTF-8)
     * @param rootPath  path prefix for the document root, e.g. {@code state}
     * @param label     human name, e.g. {@code state.json}
     * @param maxBytes  size cap
     */
    record Source(String parseCode, String readCode, String rootPath, String label, long maxBytes,
            boolean mapDuplicatesLastWin) {
        Source(String parseCode, String readCode, String rootPath, String label, long maxBytes) {
            this(parseCode, readCode, rootPath, label, maxBytes, false);
        }
    }

    /**
     * An object parsed with {@link Source#mapDuplicatesLastWin}: a repeated key keeps the last value
     * (serde_json for maps and free-form values) and is remembered here, so a strict struct opened on
     * it can still refuse it ("duplicate field", {@link JsonStruct#open}) and a reader can report the
     * map duplicates as findings ({@link #duplicatePaths}).
     */
    static final class TrackedObjectNode extends ObjectNode {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final java.util.List<String> duplicates = new java.util.ArrayList<>();

        TrackedObjectNode(String path) {
            super(JsonNodeFactory.instance);
            this.path = path;
        }

        java.util.List<String> duplicates() {
            return duplicates;
        }

        String path() {
            return path;
        }
    }

    /** Every {@code path.key} repeated in {@code root} (only objects parsed with map duplicates allowed). */
    static java.util.List<String> duplicatePaths(JsonNode root) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node instanceof TrackedObjectNode t) {
                t.duplicates().forEach(k -> out.add(t.path() + "." + k));
            }
            if (node.isContainerNode()) {
                node.forEach(todo::push);
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    // one above ours so our own check (with a precise path) fires first
                    .maxNestingDepth(WireLimits.MAX_JSON_DEPTH + 1)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    /** Jackson's "[Source: REDACTED (...); " location prefix, which says nothing useful here. */
    private static final Pattern SOURCE_NOISE = Pattern.compile("\\[Source: [^;]*; ");

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private StrictJson() {
    }

    static JsonNode parse(byte[] bytes, Source source) throws WireFormatException {
        WireLimits.requireWithin(bytes.length, source.maxBytes(), source.readCode(), source.rootPath(),
                source.label());
        String text = StrictUtf8.decode(bytes, source.readCode(), source.rootPath(), source.label());
        return parseText(text, source);
    }

    static JsonNode parseText(String text, Source source) throws WireFormatException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw error(source, source.rootPath(),
                    "expected value at line 1 column 1 (a byte-order mark is not JSON)");
        }
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonNode root = readValue(parser, source, stack);
            rejectTrailing(parser, source);
            return root;
        } catch (JacksonException e) {
            String path = stack.isEmpty() ? source.rootPath() : childPath(stack.peek(), source);
            throw new WireFormatException(Diagnostic.error(source.parseCode(), path,
                    source.label() + " is not valid JSON at " + where(e.getLocation()) + ": "
                            + SOURCE_NOISE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("[")), e);
        } catch (IOException e) {
            throw new WireFormatException(Diagnostic.error(source.readCode(), source.rootPath(),
                    "could not read " + source.label() + ": " + e.getMessage()), e);
        }
    }

    /** Reads tokens until the first complete value; {@code stack} holds the open containers (for error paths). */
    private static JsonNode readValue(JsonParser parser, Source source, Deque<Frame> stack) throws IOException, WireFormatException {
        JsonNode root = null;
        JsonToken token;
        while (root == null && (token = parser.nextToken()) != null) {
            root = onToken(token, parser, source, stack);
        }
        if (root == null) {
            throw error(source, stack.isEmpty() ? source.rootPath() : stack.peek().path,
                    "EOF while parsing a value at " + where(parser));
        }
        return root;
    }

    /** Applies one token; answers the root value once it is complete, else null. */
    private static JsonNode onToken(JsonToken token, JsonParser parser, Source source, Deque<Frame> stack)
            throws IOException, WireFormatException {
        Frame top = stack.peek();
        switch (token) {
            case START_OBJECT, START_ARRAY -> {
                open(token, parser, source, stack);
                return null;
            }
            case END_OBJECT, END_ARRAY -> {
                Frame done = stack.pop();
                return stack.isEmpty() ? done.node : null;
            }
            case FIELD_NAME -> {
                onFieldName(top, parser, source);
                return null;
            }
            default -> {
                return attachScalar(top, scalar(token, top, parser, source), null);
            }
        }
    }

    private static void open(JsonToken token, JsonParser parser, Source source, Deque<Frame> stack) throws WireFormatException {
        Frame top = stack.peek();
        String path = childPath(top, source);
        if (stack.size() >= WireLimits.MAX_JSON_DEPTH) {
            throw error(source, path, "nesting deeper than " + WireLimits.MAX_JSON_DEPTH
                    + " levels (recursion limit exceeded) at " + where(parser));
        }
        ContainerNode<?> node = token == JsonToken.START_OBJECT
                ? (source.mapDuplicatesLastWin() ? new TrackedObjectNode(path) : JsonNodeFactory.instance.objectNode())
                : JsonNodeFactory.instance.arrayNode();
        attach(top, node);
        stack.push(new Frame(node, path));
    }

    /** A key: no lone surrogates; a repeated key is an error unless the source lets the last one win (then tracked). */
    private static void onFieldName(Frame top, JsonParser parser, Source source) throws IOException, WireFormatException {
        String name = parser.currentName();
        ObjectNode object = (ObjectNode) top.node;
        if (RustStrings.hasLoneSurrogate(name)) {
            throw error(source, top.path, "key contains a lone surrogate escape at " + where(parser));
        }
        if (object.has(name) && !(object instanceof TrackedObjectNode)) {
            throw error(source, top.path + "." + name, "duplicate key `" + name + "` at " + where(parser));
        }
        if (object.has(name)) {
            ((TrackedObjectNode) object).duplicates().add(name);
        }
        top.pendingName = name;
    }

    private static JsonNode scalar(JsonToken token, Frame top, JsonParser parser, Source source) throws IOException, WireFormatException {
        return switch (token) {
            case VALUE_STRING -> {
                String value = parser.getText();
                if (RustStrings.hasLoneSurrogate(value)) {
                    throw error(source, childPath(top, source), "string contains a lone surrogate escape at " + where(parser));
                }
                yield TextNode.valueOf(value);
            }
            case VALUE_NUMBER_INT -> integerNode(parser.getText(), source, childPath(top, source), parser);
            case VALUE_NUMBER_FLOAT -> floatNode(parser.getText(), source, childPath(top, source), parser);
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> throw error(source, childPath(top, source), "unexpected token " + token + " at " + where(parser));
        };
    }

    private static void rejectTrailing(JsonParser parser, Source source) throws IOException, WireFormatException {
        JsonToken trailing;
        try {
            trailing = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw error(source, source.rootPath(), "trailing characters after the JSON value at "
                    + where(e.getLocation()));
        }
        if (trailing != null) {
            throw error(source, source.rootPath(), "trailing characters after the JSON value at "
                    + where(parser));
        }
    }

    private static final class Frame {
        final ContainerNode<?> node;
        final String path;
        String pendingName;

        Frame(ContainerNode<?> node, String path) {
            this.node = node;
            this.path = path;
        }
    }

    private static String childPath(Frame top, Source source) {
        if (top == null) {
            return source.rootPath();
        }
        if (top.node instanceof ObjectNode) {
            return top.pendingName == null ? top.path : top.path + "." + top.pendingName;
        }
        return top.path + "[" + top.node.size() + "]";
    }

    private static void attach(Frame top, JsonNode node) {
        if (top == null) {
            return;
        }
        if (top.node instanceof ObjectNode object) {
            object.set(top.pendingName, node);
            top.pendingName = null;
        } else {
            ((ArrayNode) top.node).add(node);
        }
    }

    private static JsonNode attachScalar(Frame top, JsonNode node, JsonNode root) {
        if (top == null) {
            return node;
        }
        attach(top, node);
        return root;
    }

    private static JsonNode integerNode(String text, Source source, String path, JsonParser parser)
            throws WireFormatException {
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (negative && digits.equals("0")) {
            return DoubleNode.valueOf(-0.0);
        }
        if (digits.length() <= 20) {
            BigInteger value = new BigInteger(text);
            if (negative) {
                if (value.bitLength() <= 63) {
                    return LongNode.valueOf(value.longValueExact());
                }
            } else if (value.compareTo(U64_MAX) <= 0) {
                return value.bitLength() <= 63 ? LongNode.valueOf(value.longValueExact())
                        : BigIntegerNode.valueOf(value);
            }
        }
        return floatNode(text, source, path, parser);
    }

    private static JsonNode floatNode(String text, Source source, String path, JsonParser parser)
            throws WireFormatException {
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw error(source, path, "number out of range at " + where(parser));
        }
        return DoubleNode.valueOf(value);
    }

    private static String where(JsonParser parser) {
        return where(parser.currentLocation());
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static WireFormatException error(Source source, String path, String detail) {
        return new WireFormatException(Diagnostic.error(source.parseCode(), path,
                source.label() + " is not valid JSON: " + detail));
    }
}
