package dev.omnigraph.console.cluster.doctor;

/**
 * The order in which the server checks a cluster at boot ({@code serve.rs::read_snapshot_with_store},
 * then {@code omnigraph-server settings.rs::load_cluster_settings}, then the per-graph open). The
 * server stops at the first stage that has a fatal finding; the doctor keeps going and reports
 * every stage it can still evaluate, so one run shows everything to fix.
 */
public enum DoctorStage {
    /** v0.13 only: admission before the snapshot (ledger generation, the lock, an outstanding deployment). */
    ADMISSION("admission"),
    RECOVERY_SIDECARS("recovery sidecars"),
    LEDGER("ledger"),
    /** v0.13 only: server_safe external Blob bases that overlap the storage root quarantine their graph. */
    EXTERNAL_BLOBS("external Blob bases"),
    EMBEDDING_PROVIDERS("embedding providers"),
    APPLIED_RESOURCES("applied resources and catalog"),
    GRAPH_SET("graph set"),
    POLICY_SCOPES("policy scopes"),
    GRAPH_STARTUP("per-graph startup"),
    /** v0.13 only: the deployment bundles retained receipts name (history; boot does not read them). */
    HISTORY("deployment history");

    private final String title;

    DoctorStage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
