package dev.omnigraph.console.cluster.model;

import java.util.Objects;

/**
 * One allowed external Blob base, the engine's strict {@code ExternalBlobBase}
 * ({@code crates/omnigraph/src/blob.rs}, wire {@code {"uri": ..., "scope": ...}}). In the ledger the
 * {@code uri} is already the engine-normalized spelling; {@link ExternalBlobUris#normalizeBase}
 * produces it from a {@code cluster.yaml} {@code base}.
 */
public record ExternalBlobBase(String uri, ExternalBlobScope scope) {

    public ExternalBlobBase {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(scope, "scope");
    }

    void appendCompactJson(StringBuilder out) {
        out.append("{\"uri\":");
        SerdeJson.appendQuoted(out, uri);
        out.append(",\"scope\":");
        SerdeJson.appendQuoted(out, scope.wireName());
        out.append('}');
    }
}
