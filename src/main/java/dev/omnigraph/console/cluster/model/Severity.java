package dev.omnigraph.console.cluster.model;

/**
 * Severity of a {@link Diagnostic}, mirroring upstream {@code DiagnosticSeverity}
 * ({@code crates/omnigraph-cluster/src/types.rs}), which serializes in snake_case.
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling upstream emits in {@code --json} output: {@code "error"} or {@code "warning"}. */
    public String wireName() {
        return wireName;
    }
}
