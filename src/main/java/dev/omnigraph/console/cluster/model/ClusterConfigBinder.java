package dev.omnigraph.console.cluster.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binds a {@link YamlNode} tree to {@link ClusterConfig} with {@code serde_yaml} 0.9 + serde-derive
 * semantics for upstream's strict config structs:
 *
 * <ul>
 *   <li>a string field takes the raw text of <em>any</em> scalar ({@code schema: 123} is the path
 *       {@code "123"}, {@code name: null} quoted is {@code "null"});</li>
 *   <li>{@code Option<_>} is none for a missing key or a plain {@code null}/{@code ~}/empty scalar;</li>
 *   <li>integers and booleans must be plain scalars ({@code version: "1"} fails);</li>
 *   <li>structs, maps and lists also accept a plain empty scalar as empty ({@code graphs:});</li>
 *   <li>unknown keys, duplicate struct fields and missing required fields fail;</li>
 *   <li>{@code queries} is untagged: a string-typed scalar, a list of string-typed scalars, or a map
 *       of string-typed keys to {@code {file}} (a one-element list also works for {@code {file}},
 *       as serde allows structs from sequences in untagged content).</li>
 * </ul>
 * Duplicate keys in map positions fail too (serde would keep the last one; the console is stricter).
 */
final class ClusterConfigBinder {

    /** A binding failure at {@code path}. */
    static final class BindException extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        BindException(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    private static final List<String> TOP = List.of("version", "metadata", "storage", "state", "providers",
            "graphs", "policies");
    private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);

    private ClusterConfigBinder() {
    }

    static ClusterConfig bind(YamlNode root) throws BindException {
        YamlNode document = root == null ? new YamlNode.Scalar("", true, 1, 1) : root;
        Map<String, YamlNode> top = struct(document, "", "struct RawClusterConfig", TOP);
        long version = u32(required(top, "version", "", "struct RawClusterConfig"), "version");

        String metadataName = null;
        if (top.containsKey("metadata")) {
            Map<String, YamlNode> metadata = struct(top.get("metadata"), "metadata", "struct Metadata",
                    List.of("name"));
            metadataName = optionalString(metadata.get("name"), "metadata.name");
        }
        String storage = optionalString(top.get("storage"), "storage");
        String backend = null;
        Boolean lock = null;
        if (top.containsKey("state")) {
            Map<String, YamlNode> state = struct(top.get("state"), "state", "struct StateConfig",
                    List.of("backend", "lock"));
            backend = optionalString(state.get("backend"), "state.backend");
            lock = optionalBool(state.get("lock"), "state.lock");
        }
        Map<String, EmbeddingProfile> providers = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        if (top.containsKey("providers")) {
            Map<String, YamlNode> providerSection = struct(top.get("providers"), "providers",
                    "struct ProvidersConfig", List.of("embedding"));
            if (providerSection.containsKey("embedding")) {
                for (var entry : map(providerSection.get("embedding"), "providers.embedding").entrySet()) {
                    providers.put(entry.getKey(), profile(entry.getValue(), "providers.embedding." + entry.getKey()));
                }
            }
        }
        Map<String, GraphConfig> graphs = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        if (top.containsKey("graphs")) {
            for (var entry : map(top.get("graphs"), "graphs").entrySet()) {
                graphs.put(entry.getKey(), graph(entry.getValue(), "graphs." + entry.getKey()));
            }
        }
        Map<String, PolicyConfig> policies = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        if (top.containsKey("policies")) {
            for (var entry : map(top.get("policies"), "policies").entrySet()) {
                String at = "policies." + entry.getKey();
                Map<String, YamlNode> policy = struct(entry.getValue(), at, "struct PolicyConfig",
                        List.of("file", "applies_to"));
                String file = string(required(policy, "file", at, "struct PolicyConfig"), at + ".file");
                List<String> appliesTo = stringList(required(policy, "applies_to", at, "struct PolicyConfig"),
                        at + ".applies_to");
                policies.put(entry.getKey(), new PolicyConfig(file, appliesTo));
            }
        }
        return new ClusterConfig(version, metadataName, storage, backend, lock, new TreeMap<>(providers),
                new TreeMap<>(graphs), new TreeMap<>(policies));
    }

    private static EmbeddingProfile profile(YamlNode node, String at) throws BindException {
        Map<String, YamlNode> fields = struct(node, at, "struct EmbeddingProviderConfig",
                EmbeddingProfile.JSON_FIELDS);
        if (fields.containsKey("kind") && fields.containsKey("provider")) {
            throw new BindException(at + ".provider", "duplicate field `kind` (`provider` is an alias of `kind`)");
        }
        String kind = fields.containsKey("provider") ? optionalString(fields.get("provider"), at + ".provider")
                : optionalString(fields.get("kind"), at + ".kind");
        return new EmbeddingProfile(kind, optionalString(fields.get("base_url"), at + ".base_url"),
                optionalString(fields.get("model"), at + ".model"), optionalString(fields.get("api_key"), at + ".api_key"));
    }

    private static GraphConfig graph(YamlNode node, String at) throws BindException {
        Map<String, YamlNode> fields = struct(node, at, "struct GraphConfig",
                List.of("schema", "queries", "embedding_provider", "external_blobs"));
        String schema = string(required(fields, "schema", at, "struct GraphConfig"), at + ".schema");
        QueriesDecl queries = fields.containsKey("queries") ? queries(fields.get("queries"), at + ".queries")
                : QueriesDecl.empty();
        String provider = optionalString(fields.get("embedding_provider"), at + ".embedding_provider");
        List<GraphConfig.ExternalBlobBaseConfig> allow = new ArrayList<>();
        if (fields.containsKey("external_blobs")) {
            String blobsAt = at + ".external_blobs";
            Map<String, YamlNode> blobs = struct(fields.get("external_blobs"), blobsAt, "struct ExternalBlobsConfig",
                    List.of("allow"));
            if (blobs.containsKey("allow")) {
                List<YamlNode> items = sequence(blobs.get("allow"), blobsAt + ".allow");
                for (int i = 0; i < items.size(); i++) {
                    String itemAt = blobsAt + ".allow[" + i + "]";
                    Map<String, YamlNode> base = struct(items.get(i), itemAt, "struct ExternalBlobBaseConfig",
                            List.of("base", "scope"));
                    String uri = string(required(base, "base", itemAt, "struct ExternalBlobBaseConfig"),
                            itemAt + ".base");
                    ExternalBlobScope scope = scope(required(base, "scope", itemAt, "struct ExternalBlobBaseConfig"),
                            itemAt + ".scope");
                    allow.add(new GraphConfig.ExternalBlobBaseConfig(uri, scope));
                }
            }
        }
        return new GraphConfig(schema, queries, provider, allow);
    }

    private static QueriesDecl queries(YamlNode node, String at) throws BindException {
        String untaggedError = "data did not match any variant of untagged enum QueriesDecl";
        switch (node) {
            case YamlNode.Scalar scalar -> {
                if (YamlScalars.resolve(scalar) == YamlScalars.Type.STRING) {
                    return new QueriesDecl.Discover(scalar.value());
                }
                throw new BindException(at, untaggedError);
            }
            case YamlNode.Sequence sequence -> {
                List<String> paths = new ArrayList<>();
                for (YamlNode item : sequence.items()) {
                    if (!(item instanceof YamlNode.Scalar s) || YamlScalars.resolve(s) != YamlScalars.Type.STRING) {
                        throw new BindException(at, untaggedError);
                    }
                    paths.add(s.value());
                }
                return new QueriesDecl.DiscoverMany(paths);
            }
            case YamlNode.Mapping mapping -> {
                Map<String, String> files = new LinkedHashMap<>();
                for (YamlNode.Entry entry : mapping.entries()) {
                    if (!(entry.key() instanceof YamlNode.Scalar key) || YamlScalars.resolve(key) != YamlScalars.Type.STRING) {
                        throw new BindException(at, untaggedError);
                    }
                    if (files.containsKey(key.value())) {
                        throw new BindException(at + "." + key.value(), "duplicate key `" + key.value() + "`");
                    }
                    String file = explicitQueryFile(entry.value());
                    if (file == null) {
                        throw new BindException(at, untaggedError);
                    }
                    files.put(key.value(), file);
                }
                return new QueriesDecl.Explicit(new TreeMap<>(files));
            }
        }
    }

    /** {@code QueryConfig {file}} from untagged content; null when it does not match. */
    private static String explicitQueryFile(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            String file = null;
            for (YamlNode.Entry entry : mapping.entries()) {
                if (!(entry.key() instanceof YamlNode.Scalar key) || !key.value().equals("file") || file != null) {
                    return null;
                }
                if (!(entry.value() instanceof YamlNode.Scalar value)
                        || YamlScalars.resolve(value) != YamlScalars.Type.STRING) {
                    return null;
                }
                file = value.value();
            }
            return file;
        }
        if (node instanceof YamlNode.Sequence sequence && sequence.items().size() == 1
                && sequence.items().getFirst() instanceof YamlNode.Scalar value
                && YamlScalars.resolve(value) == YamlScalars.Type.STRING) {
            return value.value();
        }
        return null;
    }

    private static ExternalBlobScope scope(YamlNode node, String at) throws BindException {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            throw new BindException(at, "invalid type: " + YamlNode.describe(node)
                    + ", expected a YAML tag starting with '!'");
        }
        ExternalBlobScope scope = ExternalBlobScope.fromWire(scalar.value());
        if (scope == null) {
            throw new BindException(at, "unknown variant `" + scalar.value()
                    + "`, expected `server_safe` or `embedded_only`");
        }
        return scope;
    }

    /** A strict struct: mapping (or plain empty scalar) with only known, non-repeated keys. */
    private static Map<String, YamlNode> struct(YamlNode node, String at, String typeName, List<String> fields)
            throws BindException {
        Map<String, YamlNode> result = new LinkedHashMap<>();
        for (YamlNode.Entry entry : entries(node, at, typeName)) {
            String key = keyString(entry.key(), at);
            if (!fields.contains(key)) {
                throw new BindException(join(at, key), "unknown field `" + key + "`, expected one of "
                        + quoteList(fields));
            }
            if (result.containsKey(key)) {
                throw new BindException(join(at, key), "duplicate field `" + key + "`");
            }
            result.put(key, entry.value());
        }
        return result;
    }

    /** A {@code BTreeMap<String, _>} position. */
    private static Map<String, YamlNode> map(YamlNode node, String at) throws BindException {
        Map<String, YamlNode> result = new LinkedHashMap<>();
        for (YamlNode.Entry entry : entries(node, at, "a map")) {
            String key = keyString(entry.key(), at);
            if (result.containsKey(key)) {
                throw new BindException(join(at, key), "duplicate key `" + key + "`");
            }
            result.put(key, entry.value());
        }
        return result;
    }

    private static List<YamlNode.Entry> entries(YamlNode node, String at, String expected) throws BindException {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping.entries();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.isPlainEmpty()) {
            return List.of();
        }
        throw invalidType(node, at, expected);
    }

    private static List<YamlNode> sequence(YamlNode node, String at) throws BindException {
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.isPlainEmpty()) {
            return List.of();
        }
        throw invalidType(node, at, "a sequence");
    }

    private static List<String> stringList(YamlNode node, String at) throws BindException {
        List<YamlNode> items = sequence(node, at);
        List<String> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            result.add(string(items.get(i), at + "[" + i + "]"));
        }
        return result;
    }

    private static String keyString(YamlNode key, String at) throws BindException {
        if (key instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        throw invalidType(key, at, "a string key");
    }

    private static YamlNode required(Map<String, YamlNode> fields, String key, String at, String typeName)
            throws BindException {
        YamlNode node = fields.get(key);
        if (node == null) {
            throw new BindException(join(at, key), "missing field `" + key + "` in " + typeName);
        }
        return node;
    }

    private static String string(YamlNode node, String at) throws BindException {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        throw invalidType(node, at, "a string");
    }

    private static String optionalString(YamlNode node, String at) throws BindException {
        if (node == null || isNone(node)) {
            return null;
        }
        return string(node, at);
    }

    private static Boolean optionalBool(YamlNode node, String at) throws BindException {
        if (node == null || isNone(node)) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.plain()) {
            Boolean value = YamlScalars.parseBool(scalar.value());
            if (value != null) {
                return value;
            }
        }
        throw invalidType(node, at, "a boolean");
    }

    private static long u32(YamlNode node, String at) throws BindException {
        if (node instanceof YamlNode.Scalar scalar && scalar.plain()) {
            BigInteger value = YamlScalars.parseU64(scalar.value());
            if (value != null) {
                if (value.compareTo(U32_MAX) > 0) {
                    throw new BindException(at, "invalid value: integer `" + value + "`, expected u32");
                }
                return value.longValue();
            }
        }
        throw invalidType(node, at, "u32");
    }

    /** serde_yaml {@code deserialize_option}: none for a plain null literal or plain empty scalar. */
    private static boolean isNone(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.plain()
                && (scalar.value().isEmpty() || YamlScalars.isNullLiteral(scalar.value()));
    }

    private static BindException invalidType(YamlNode node, String at, String expected) {
        return new BindException(at, "invalid type: " + YamlNode.describe(node) + ", expected " + expected);
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static String quoteList(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(i == fields.size() - 1 ? " or " : ", ");
            }
            out.append('`').append(fields.get(i)).append('`');
        }
        return out.toString();
    }
}
