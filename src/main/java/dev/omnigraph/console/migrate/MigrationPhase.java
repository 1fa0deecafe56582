package dev.omnigraph.console.migrate;

/**
 * The phases of a storage migration (RFC-006 §D7 as the console implements it), in the order they
 * run. The wizard shows one page per phase; the CLI prints one section per phase.
 */
public enum MigrationPhase {
    DESTINATION("Destination", "prove the destination supports create-only and If-Match writes"),
    PREFLIGHT("Preflight", "check the source cluster and take its lock"),
    PLAN("Plan", "compare both listings: what to copy, skip, overwrite, leave alone"),
    COPY("Copy", "copy the objects (data before Lance manifests)"),
    VERIFY("Verify", "check every destination object against its source"),
    CUTOVER("Cutover", "write the ledger at the destination, create-only, then release the source lock "
            + "(a v0.13 source stays locked as migrated)"),
    FINISH("Finish", "the storage: line, the cluster.yaml edit and the migration report");

    private final String title;
    private final String purpose;

    MigrationPhase(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    /** One line saying what the phase does. */
    public String purpose() {
        return purpose;
    }
}
