package dev.omnigraph.console.cluster.model;

/**
 * Kind of a resource address, mirroring upstream {@code diff.rs::ResourceKind}. The wire names are
 * the {@code ResourceSummary.kind} strings {@code config.rs::load_desired} emits.
 */
public enum ResourceKind {
    GRAPH("graph"),
    SCHEMA("schema"),
    QUERY("query"),
    POLICY("policy"),
    EMBEDDING_PROVIDER("embedding_provider"),
    /** Any other address: kept in state, shown {@code deferred} by plan. */
    UNKNOWN("unknown");

    private final String wireName;

    ResourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
