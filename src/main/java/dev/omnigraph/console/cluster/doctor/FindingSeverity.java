package dev.omnigraph.console.cluster.doctor;

/** What a doctor finding does to {@code omnigraph-server --cluster <root>} at boot. */
public enum FindingSeverity {
    /** The server refuses to start. */
    FATAL("refuses boot"),
    /** The server starts without this graph (its routes answer 404). */
    QUARANTINE("graph quarantined"),
    /** Boot is not affected, but something needs attention or could not be checked from storage. */
    WARNING("warning");

    private final String label;

    FindingSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
