package dev.omnigraph.console.cluster.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code graphs.<id>} in {@code cluster.yaml}: upstream's strict {@code GraphConfig}
 * ({@code types.rs}). {@code schema} is required; {@code queries} defaults to an empty map;
 * {@code embedding_provider} is a bare name or {@code provider.embedding.<name>};
 * {@code external_blobs.allow} defaults to empty (= deny) and is omitted from the config digest
 * JSON when empty.
 *
 * @param schema               schema path as written
 * @param queries              query declaration
 * @param embeddingProvider    provider reference as written, or null
 * @param externalBlobsAllow   raw allow-list entries (not yet normalized)
 */
public record GraphConfig(String schema, QueriesDecl queries, String embeddingProvider,
        List<ExternalBlobBaseConfig> externalBlobsAllow) {

    /** One raw {@code external_blobs.allow[]} entry ({@code ExternalBlobBaseConfig}, strict). */
    public record ExternalBlobBaseConfig(String base, ExternalBlobScope scope) {
        public ExternalBlobBaseConfig {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(scope, "scope");
        }
    }

    public GraphConfig {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(queries, "queries");
        externalBlobsAllow = List.copyOf(externalBlobsAllow);
    }

    void appendCompactJson(StringBuilder out) {
        out.append("{\"schema\":");
        SerdeJson.appendQuoted(out, schema);
        out.append(",\"queries\":");
        queries.appendCompactJson(out);
        out.append(",\"embedding_provider\":");
        if (embeddingProvider == null) {
            out.append("null");
        } else {
            SerdeJson.appendQuoted(out, embeddingProvider);
        }
        if (!externalBlobsAllow.isEmpty()) {
            out.append(",\"external_blobs\":{\"allow\":[");
            for (int i = 0; i < externalBlobsAllow.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append("{\"base\":");
                SerdeJson.appendQuoted(out, externalBlobsAllow.get(i).base());
                out.append(",\"scope\":");
                SerdeJson.appendQuoted(out, externalBlobsAllow.get(i).scope().wireName());
                out.append('}');
            }
            out.append("]}");
        }
        out.append('}');
    }
}
