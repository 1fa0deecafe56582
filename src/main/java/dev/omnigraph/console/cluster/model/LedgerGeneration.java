package dev.omnigraph.console.cluster.model;

import java.util.List;
import java.util.Optional;

/**
 * Which generation of OmniGraph's ledger a root holds, and what that means for the releases an
 * admin may run against it (spec §3.3). The single place that decides it is {@link Ledger#parse}
 * (a root whose ledger does not parse has no generation: it is unreadable, with upstream's code).
 */
public enum LedgerGeneration {

    /** {@code version: 1}, written by OmniGraph ≤ 0.11. */
    V1("v1 ledger", List.of("0.10", "0.11"), "ledger_upgrade_required",
            "OmniGraph ≤ 0.11 serves it; v0.13 reads it but refuses to serve, deploy or observe "
                    + "(ledger_upgrade_required) until `omnigraph --cluster ROOT cluster upgrade-ledger --writers-stopped` "
                    + "converts it to ledger v2"),
    /**
     * {@code version: 2} whose receipts still carry {@code restart_required}/{@code activation}
     * (written by v0.12). The console shows the content read-only as upstream's upgrade decoder sees
     * it (obsolete fields removed); the stored bytes stay as they are.
     */
    V2_V012_SHAPE("v2 ledger, v0.12 shape", List.of("0.12"), "ledger_upgrade_required",
            "written by OmniGraph 0.12; v0.13 refuses it (ledger_upgrade_required) until "
                    + "`omnigraph --cluster ROOT cluster upgrade-ledger --writers-stopped` removes the obsolete receipt fields"),
    /** {@code version: 2} in the shape v0.13 writes. */
    V2("v2 ledger (v0.13)", List.of("0.13"), null,
            "OmniGraph 0.13 serves it; ≤ 0.11 cannot read it, and whether 0.12 builds read this shape is not established");

    private final String label;
    private final List<String> servingReleases;
    private final String v013Refusal;
    private final String servedByText;

    LedgerGeneration(String label, List<String> servingReleases, String v013Refusal, String servedByText) {
        this.label = label;
        this.servingReleases = servingReleases;
        this.v013Refusal = v013Refusal;
        this.servedByText = servedByText;
    }

    /** Short label for the window and the CLI, e.g. {@code v2 ledger (v0.13)}. */
    public String label() {
        return label;
    }

    /** Stable machine name for JSON output: {@code v1}, {@code v2_v012_shape}, {@code v2}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The OmniGraph releases that can serve and deploy this root as it is. */
    public List<String> servingReleases() {
        return servingReleases;
    }

    /** One sentence: which releases serve it and what v0.13 needs first. */
    public String servedBy() {
        return servedByText;
    }

    /** The code v0.13's serve/deploy/observe answer, when they refuse it. */
    public Optional<String> v013Refusal() {
        return Optional.ofNullable(v013Refusal);
    }

    /** v0.13 can serve and deploy it. */
    public boolean operationalOnV013() {
        return v013Refusal == null;
    }

    /** Any v2 shape (the v0.13 lock and deployment rules apply). */
    public boolean isV2() {
        return this != V1;
    }
}
