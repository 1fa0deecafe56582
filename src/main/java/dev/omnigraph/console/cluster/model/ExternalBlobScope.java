package dev.omnigraph.console.cluster.model;

/**
 * The execution contexts in which an allowed base may be read: the engine's
 * {@code ExternalBlobExecutionScope} ({@code crates/omnigraph/src/blob.rs}), snake_case on the wire.
 * {@code server_safe} sorts before {@code embedded_only} ({@code blob.rs::scope_order}).
 */
public enum ExternalBlobScope {
    SERVER_SAFE("server_safe"),
    EMBEDDED_ONLY("embedded_only");

    private final String wireName;

    ExternalBlobScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; null when unknown. */
    static ExternalBlobScope fromWire(String value) {
        for (ExternalBlobScope scope : values()) {
            if (scope.wireName.equals(value)) {
                return scope;
            }
        }
        return null;
    }
}
