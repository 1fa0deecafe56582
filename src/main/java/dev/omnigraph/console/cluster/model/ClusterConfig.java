package dev.omnigraph.console.cluster.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parsed {@code cluster.yaml}: upstream's {@code RawClusterConfig} ({@code types.rs}), every level
 * strict. Values are kept exactly as written (raw strings), because the desired config digest
 * hashes these parsed semantics ({@link #semanticsJson()}), not the YAML bytes.
 *
 * @param version            must be 1 (checked by {@link ClusterConfigReader})
 * @param metadataName       {@code metadata.name}, or null
 * @param storage            {@code storage} as written, or null (root = config dir)
 * @param stateBackend       {@code state.backend}, or null
 * @param stateLock          {@code state.lock}, or null (= true)
 * @param embeddingProviders {@code providers.embedding}, name → raw profile
 * @param graphs             {@code graphs}, id → graph
 * @param policies           {@code policies}, name → policy
 */
public record ClusterConfig(long version, String metadataName, String storage, String stateBackend,
        Boolean stateLock, SortedMap<String, EmbeddingProfile> embeddingProviders,
        SortedMap<String, GraphConfig> graphs, SortedMap<String, PolicyConfig> policies) {

    public ClusterConfig {
        embeddingProviders = sorted(embeddingProviders);
        graphs = sorted(graphs);
        policies = sorted(policies);
    }

    /**
     * {@code serde_json::to_string(&RawClusterConfig)}: field order version, metadata, storage,
     * state, providers, graphs, policies; maps sorted; absent optionals as {@code null}; absent
     * {@code queries} as {@code {}}; empty {@code external_blobs} omitted; profiles with absent
     * fields omitted and {@code provider:} emitted as {@code kind}.
     */
    public String semanticsJson() {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"version\":").append(version);
        out.append(",\"metadata\":{\"name\":");
        appendNullable(out, metadataName);
        out.append("},\"storage\":");
        appendNullable(out, storage);
        out.append(",\"state\":{\"backend\":");
        appendNullable(out, stateBackend);
        out.append(",\"lock\":").append(stateLock == null ? "null" : stateLock.toString());
        out.append("},\"providers\":{\"embedding\":{");
        boolean first = true;
        for (Map.Entry<String, EmbeddingProfile> entry : embeddingProviders.entrySet()) {
            first = comma(out, first);
            SerdeJson.appendQuoted(out, entry.getKey());
            out.append(':').append(entry.getValue().toCompactJson());
        }
        out.append("}},\"graphs\":{");
        first = true;
        for (Map.Entry<String, GraphConfig> entry : graphs.entrySet()) {
            first = comma(out, first);
            SerdeJson.appendQuoted(out, entry.getKey());
            out.append(':');
            entry.getValue().appendCompactJson(out);
        }
        out.append("},\"policies\":{");
        first = true;
        for (Map.Entry<String, PolicyConfig> entry : policies.entrySet()) {
            first = comma(out, first);
            SerdeJson.appendQuoted(out, entry.getKey());
            out.append(':');
            entry.getValue().appendCompactJson(out);
        }
        return out.append("}}").toString();
    }

    /**
     * The storage root (spec §2.1): no usable {@code storage} → the config directory; a value
     * starting with {@code s3://} → S3; anything else → a local path after stripping leading
     * {@code file://}, relative paths resolved against {@code cwd} (the process working directory,
     * not the config dir). The value is trimmed and trailing {@code /} removed first. Paths are
     * made absolute lexically ({@code .} components dropped, {@code ..} and symlinks kept), like
     * {@code std::path::absolute}.
     */
    public StorageRoot storageRoot(Path configDir, Path cwd) {
        String declared = storage == null ? "" : RustStrings.trimEndMatches(RustStrings.trim(storage), '/');
        if (storage == null || RustStrings.trim(storage).isEmpty()) {
            return new StorageRoot.Local(absolute(configDir, cwd));
        }
        if (declared.startsWith("s3://")) {
            return new StorageRoot.S3(declared);
        }
        return new StorageRoot.Local(absolute(Path.of(RustStrings.trimStartMatches(declared, "file://")), cwd));
    }

    static Path absolute(Path path, Path cwd) {
        Path absolute = path.isAbsolute() ? path : cwd.toAbsolutePath().resolve(path);
        Path result = absolute.getRoot();
        for (Path name : absolute) {
            if (!name.toString().equals(".")) {
                result = result == null ? name : result.resolve(name);
            }
        }
        return result == null ? absolute : result;
    }

    private static boolean comma(StringBuilder out, boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    private static void appendNullable(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            SerdeJson.appendQuoted(out, value);
        }
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        TreeMap<String, V> copy = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        copy.putAll(map);
        return Collections.unmodifiableSortedMap(copy);
    }
}
