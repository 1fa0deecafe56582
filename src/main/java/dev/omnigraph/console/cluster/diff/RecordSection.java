package dev.omnigraph.console.cluster.diff;

/** The ledger's free-form sections (spec §3.4–§3.6): values are arbitrary JSON. */
public enum RecordSection {
    APPROVAL_RECORDS("approval_records", "Approval records"),
    RECOVERY_RECORDS("recovery_records", "Recovery records"),
    OBSERVATIONS("observations", "Observations");

    private final String wireName;
    private final String title;

    RecordSection(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }
}
