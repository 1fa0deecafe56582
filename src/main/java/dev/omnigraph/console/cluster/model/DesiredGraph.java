package dev.omnigraph.console.cluster.model;

import java.util.Objects;

/**
 * Per-graph desired facts, upstream's {@code DesiredGraph} ({@code types.rs}).
 *
 * @param id                 graph id
 * @param schemaDigest       digest of the schema file, or {@code ""} when it could not be read
 * @param embeddingProvider  bound {@code provider.embedding.<name>} (only when declared), or null
 * @param externalBlobPolicy validated, normalized policy (deny when absent or invalid)
 */
public record DesiredGraph(String id, String schemaDigest, String embeddingProvider,
        ExternalBlobPolicy externalBlobPolicy) {
    public DesiredGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schemaDigest, "schemaDigest");
        Objects.requireNonNull(externalBlobPolicy, "externalBlobPolicy");
    }
}
