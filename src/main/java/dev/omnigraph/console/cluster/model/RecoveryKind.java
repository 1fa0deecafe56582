package dev.omnigraph.console.cluster.model;

/** Upstream {@code RecoverySidecarKind} ({@code types.rs}, snake_case). */
public enum RecoveryKind {
    GRAPH_CREATE("graph_create"),
    SCHEMA_APPLY("schema_apply"),
    GRAPH_DELETE("graph_delete");

    private final String wireName;

    RecoveryKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static RecoveryKind fromWire(String value) {
        for (RecoveryKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
