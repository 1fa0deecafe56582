package dev.omnigraph.console.cluster.doctor;

/** The answer to "would {@code omnigraph-server --cluster <root>} boot?". */
public enum BootVerdict {
    BOOTS("boots"),
    BOOTS_WITH_QUARANTINE("boots with quarantined graphs"),
    REFUSES("refuses to boot");

    private final String label;

    BootVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
